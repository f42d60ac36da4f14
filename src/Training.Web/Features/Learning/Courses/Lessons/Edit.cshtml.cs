using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning.Courses.Lessons;

/// <summary>修改课时: its title and whether it is required; a text's words too (its duration follows). A file or video is replaced by adding a new lesson.</summary>
[Authorize(Policy = LearningPermissions.Author)]
public sealed class EditModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public LessonForm Input { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public QuizForm Quiz { get; set; } = new();
    public Lesson Lesson { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Input = new LessonForm { Title = Lesson.Title, Optional = Lesson.Optional, Body = Lesson.Body, Url = Lesson.Url };
        if (Lesson.Rules is { } rules) Quiz = QuizForm.From(rules);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var numbers = Lesson.Kind == LessonKind.Quiz ? Quiz.Read(ModelState) : null;
        if (!ModelState.IsValid) return this.Unprocessable();
        var result = await CourseSteps.RunAsync(db, me, clock, Lesson.CourseId, Version, LearningTexts.LessonChangedAudit, c =>
        {
            var lesson = c.Lessons.Single(l => l.Id == id);
            c.ChangeLesson(lesson, Input.Title, Input.Optional, Input.Body);
            if (numbers is not null) c.ChangeRules(lesson, numbers.Rules());
            return (LearningTexts.LessonDetail(lesson), LearningTexts.LessonChanged(lesson.Title));
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Learning/Courses/Details", new { id = Lesson.CourseId }), () => Task.CompletedTask);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var lesson = await db.Lessons.AsNoTracking().Include(l => l.Course)
            .Where(l => l.Id == id && db.Courses.ManagedBy(me).Any(c => c.Id == l.CourseId)).SingleOrDefaultAsync(ct);
        if (lesson is null)
            return await db.Lessons.Where(l => l.Id == id).Select(l => (int?)l.CourseId).SingleOrDefaultAsync(ct) is { } courseId
                ? await this.RefuseAsync(db, me, courseId, ct)
                : NotFound();
        Lesson = lesson;
        if (Request.Method == HttpMethods.Get) Version = lesson.Course.Version;
        return null;
    }
}
