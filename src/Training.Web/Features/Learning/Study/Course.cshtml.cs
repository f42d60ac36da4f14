using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Learning.Study;

/// <summary>
/// A course as a learner sees it: what it is worth, its lessons in order with where the learner
/// stands in each, and one big 继续学习 button (the first lesson not yet completed). Staff see it as
/// a preview of what learners will see.
/// </summary>
[Authorize(Policy = LearningPermissions.Read)]
public sealed class CourseModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public sealed record LessonRow(int Id, int Order, string Title, LessonKind Kind, int DurationSeconds, decimal Hours, bool Optional,
        double Credited, bool Completed, bool Started);

    public Course Course { get; private set; } = null!;
    public IReadOnlyList<LessonRow> Lessons { get; private set; } = [];
    public LessonRow? Continue { get; private set; }
    public bool IsPreview => me.PersonId is null;
    public decimal? Credited { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var course = await StudyQueries.Openable(db, me, clock.Today()).AsNoTracking().Include(c => c.Owner).Include(c => c.Lessons)
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (course is null) return NotFound();
        Course = course;
        var progress = me.PersonId is { } personId
            ? await db.LessonProgress.AsNoTracking().Where(p => p.PersonId == personId && course.Lessons.Select(l => l.Id).Contains(p.LessonId))
                .ToDictionaryAsync(p => p.LessonId, ct)
            : [];
        Lessons = course.Lessons.OrderBy(l => l.Order).Select(l =>
        {
            var p = progress.GetValueOrDefault(l.Id);
            return new LessonRow(l.Id, l.Order, l.Title, l.Kind, l.DurationSeconds, l.Hours, l.Optional,
                p?.CreditedSeconds ?? 0, p?.IsCompleted ?? false, p is not null && (p.CreditedSeconds > 0 || p.FurthestPosition > 0));
        }).ToList();
        Continue = Lessons.FirstOrDefault(l => !l.Completed && !l.Optional) ?? Lessons.FirstOrDefault(l => !l.Completed) ?? Lessons.FirstOrDefault();
        if (me.PersonId is { } who)
            Credited = await StudyLedgerEntry.Standing(db.StudyLedger).Where(e => e.PersonId == who && e.Source == StudySource.OnlineCourse && e.SourceId == id)
                .SumAsync(e => (decimal?)e.Hours, ct);
        return Page();
    }
}
