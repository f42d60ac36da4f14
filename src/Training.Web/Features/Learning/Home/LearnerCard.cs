using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Assignments;
using Training.Web.Features.Learning.Study;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Learning.Home;

/// <summary>
/// The trainee's front door (LEARNING.md §8), first on its home: the open cohort's banner while its
/// window is open, 继续学习 (the lesson last opened, where it stopped), what is due and when, and this
/// year's 学时 against the target (必修 / 选修 / 尚差).
/// </summary>
public sealed class LearnerCard(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : ViewComponent
{
    public const int DueShown = 5;

    public sealed record ContinueLine(int LessonId, string Lesson, string Course, double ResumeAt, int DurationSeconds);
    public sealed record DueLine(int CourseId, string Course, bool Required, DateOnly DueOn, bool Overdue);
    public sealed record OpenCohort(string Name, DateOnly ApplyTo);
    public sealed record Front(OpenCohort? Cohort, ContinueLine? Continue, IReadOnlyList<DueLine> Due, LearnerHours Hours);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (me.PersonId is not { } personId) return Content("");
        var ct = HttpContext.RequestAborted;
        var today = clock.Today();

        var cohort = await memo.GetAsync($"OpenCohort|{today:yyyyMMdd}", [typeof(Cohort)], ct => db.Cohorts.AsNoTracking()
            .Where(c => c.ApplyFrom <= today && today <= c.ApplyTo)
            .OrderBy(c => c.ApplyTo).Select(c => new OpenCohort(c.Name, c.ApplyTo)).FirstOrDefaultAsync(ct), ct);

        var last = await db.Playbacks.AsNoTracking().Where(p => p.PersonId == personId).OrderByDescending(p => p.Id)
            .Join(db.Lessons, p => p.LessonId, l => l.Id, (p, l) => new { l.Id, l.Title, Course = l.Course.Title, l.Course.State, l.DurationSeconds, l.Kind })
            .FirstOrDefaultAsync(ct);
        ContinueLine? resume = null;
        if (last is { State: CourseState.Published })
        {
            var progress = await db.LessonProgress.AsNoTracking().Where(x => x.PersonId == personId && x.LessonId == last.Id)
                .Select(x => new { x.ResumePosition, x.CompletedAt }).FirstOrDefaultAsync(ct);
            // A lesson already completed has nothing to go on with: the due list says what is next.
            if (progress?.CompletedAt is null)
                resume = new ContinueLine(last.Id, last.Title, last.Course, last.Kind == LessonKind.Video ? progress?.ResumePosition ?? 0 : 0, last.DurationSeconds);
        }

        // Who is assigned what is the most expensive query of the home the most people open (a third of its time):
        // kept per person and day until a save changes what an assignment's standing follows.
        var lines = await memo.GetAsync($"LearnerDue|{today:yyyyMMdd}", AssignmentProgress.Follows, async ct =>
        {
            var credited = StudyLedgerEntry.Standing(db.StudyLedger).Where(e => e.PersonId == personId && e.Source == StudySource.OnlineCourse).Select(e => e.SourceId);
            var due = await AssignmentMembers.For(db, personId, today).AsNoTracking()
                .Where(a => !credited.Contains(a.CourseId) && a.Course.State == CourseState.Published)
                .OrderBy(a => a.DueOn).ThenBy(a => a.Id)
                .Select(a => new DueLine(a.CourseId, a.Course.Title, a.Required, a.DueOn, a.DueOn < today))
                .ToListAsync(ct);
            // One line per course: the same course assigned twice (by the city and the district) is due once, by the earlier deadline.
            return due.GroupBy(d => d.CourseId).Select(g => g.First() with { Required = g.Any(x => x.Required) }).Take(DueShown).ToList();
        }, ct);

        var hours = await LearnerHours.KeptAsync(memo, db, personId, today.Year, today, ct);
        return View("~/Features/Learning/Home/LearnerCard.cshtml", new Front(cohort, resume, lines, hours));
    }
}
