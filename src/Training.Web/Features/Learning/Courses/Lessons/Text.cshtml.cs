using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning.Courses.Lessons;

/// <summary>添加文本课时: Markdown written here, shown rendered (and sanitised) before saving; its duration follows its length.</summary>
[Authorize(Policy = LearningPermissions.Author)]
public sealed class TextModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public LessonForm Input { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    public int CourseId { get; private set; }
    public string? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int courseId, CancellationToken ct)
    {
        CourseId = courseId;
        var found = await LessonSteps.FindAsync(this, db, me, courseId, ct);
        if (found.Refusal is { } refused) return refused;
        Version = found.Course!.Version;
        return Page();
    }

    /// <summary>预览: the Markdown as the learner will see it, nothing saved.</summary>
    public IActionResult OnPostPreview(int courseId)
    {
        CourseId = courseId;
        Preview = SafeMarkdown.ToHtml(Input.Body ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int courseId, CancellationToken ct)
    {
        CourseId = courseId;
        var result = await CourseSteps.RunAsync(db, me, clock, courseId, Version, LearningTexts.LessonAddedAudit, c =>
        {
            var lesson = c.AddText(Input.Title, Input.Body, Input.Optional);
            return (LearningTexts.LessonDetail(lesson), LearningTexts.LessonAdded(lesson));
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Learning/Courses/Details", new { id = courseId }), () => Task.CompletedTask);
    }
}
