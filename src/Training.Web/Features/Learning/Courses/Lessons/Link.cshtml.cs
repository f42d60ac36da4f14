using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning.Courses.Lessons;

/// <summary>添加外链视频: a video watched on another site; it earns 学时 only through the course's quiz.</summary>
[Authorize(Policy = LearningPermissions.Author)]
public sealed class LinkModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public LessonForm Input { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    public int CourseId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int courseId, CancellationToken ct)
    {
        CourseId = courseId;
        var found = await LessonSteps.FindAsync(this, db, me, courseId, ct);
        if (found.Refusal is { } refused) return refused;
        Version = found.Course!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int courseId, CancellationToken ct)
    {
        CourseId = courseId;
        var result = await CourseSteps.RunAsync(db, me, clock, courseId, Version, LearningTexts.LessonAddedAudit, c =>
        {
            var lesson = c.AddExternalVideo(Input.Title, Input.Url, Input.Optional);
            return (LearningTexts.LessonDetail(lesson), LearningTexts.LessonAdded(lesson));
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Learning/Courses/Details", new { id = courseId }), () => Task.CompletedTask);
    }
}
