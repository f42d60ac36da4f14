using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning.Courses.Lessons;

/// <summary>添加测验课时: questions drawn from the course's bank at each attempt, by the rules set here.</summary>
[Authorize(Policy = LearningPermissions.Author)]
public sealed class QuizModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public LessonForm Input { get; set; } = new();
    [BindProperty] public QuizForm Quiz { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    public int CourseId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int courseId, CancellationToken ct)
    {
        CourseId = courseId;
        var found = await LessonSteps.FindAsync(this, db, me, courseId, ct);
        if (found.Refusal is { } refused) return refused;
        Version = found.Course!.Version;
        Input.Title = LearningTexts.DefaultQuizTitle;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int courseId, CancellationToken ct)
    {
        CourseId = courseId;
        var numbers = Quiz.Read(ModelState);
        if (numbers is null) return this.Unprocessable();
        var result = await CourseSteps.RunAsync(db, me, clock, courseId, Version, LearningTexts.LessonAddedAudit, c =>
        {
            var lesson = c.AddQuiz(Input.Title, numbers.Rules(), Input.Optional);
            return (LearningTexts.LessonDetail(lesson), LearningTexts.LessonAdded(lesson));
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Learning/Courses/Quiz/Bank", new { courseId }), () => Task.CompletedTask, "Quiz");
    }
}
