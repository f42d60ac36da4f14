using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning.Courses;

/// <summary>
/// One course as its author sees it: its terms, state and 学时, its lessons in order with their kind,
/// duration and 学时; here the author adds, orders and removes lessons, publishes and withdraws.
/// Every step is a POST at the version the page was drawn with.
/// </summary>
[Authorize(Policy = LearningPermissions.Author)]
public sealed class DetailsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public int LessonId { get; set; }
    [BindProperty] public int Step { get; set; }

    public Course Course { get; private set; } = null!;
    public int Questions { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        StepAsync(id, LearningTexts.CoursePublishedAudit, c => { c.Publish(); return (CourseForm.Describe(c), LearningTexts.CoursePublished(c.Title)); }, ct);

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        StepAsync(id, LearningTexts.CourseWithdrawnAudit, c => { c.Withdraw(); return (CourseForm.Describe(c), LearningTexts.CourseWithdrawn(c.Title)); }, ct);

    public Task<IActionResult> OnPostMoveAsync(int id, CancellationToken ct) =>
        StepAsync(id, LearningTexts.LessonMovedAudit, c =>
        {
            var lesson = LessonOf(c);
            c.Move(lesson, Step);
            return (LearningTexts.LessonDetail(lesson), LearningTexts.LessonMoved(lesson.Title));
        }, ct);

    public Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct) =>
        StepAsync(id, LearningTexts.LessonRemovedAudit, c =>
        {
            var lesson = LessonOf(c);
            var detail = LearningTexts.LessonDetail(lesson);
            c.RemoveLesson(lesson);
            db.Lessons.Remove(lesson);
            return (detail, LearningTexts.LessonRemoved(lesson.Title));
        }, ct);

    private Lesson LessonOf(Course c) =>
        c.Lessons.SingleOrDefault(l => l.Id == LessonId) ?? throw new DomainException(LearningTexts.LessonNotInCourse);

    private async Task<IActionResult> StepAsync(int id, string action, Func<Course, (string, string)> act, CancellationToken ct)
    {
        var result = await CourseSteps.RunAsync(db, me, clock, id, Version, action, act, ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { id }), async () => await LoadAsync(id, ct), fieldPrefix: null);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var c = await CourseSteps.Managed(db, me, id).AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(ct);
        if (c is null) return await this.RefuseAsync(db, me, id, ct);
        Course = c;
        Version = c.Version;
        Questions = await db.Questions.CountAsync(q => q.CourseId == id, ct);
        return null;
    }
}
