using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Courses.Lessons;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning.Courses.Quiz;

/// <summary>
/// 题库: a course's questions (单选, 多选, 判断) with their right answers and explanations, as only
/// its authors see them; here they add questions one by one and remove one no attempt has drawn.
/// </summary>
[Authorize(Policy = LearningPermissions.Author)]
public sealed class BankModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public QuestionForm Input { get; set; } = new();
    [BindProperty] public int QuestionId { get; set; }

    public Course Course { get; private set; } = null!;
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    /// <summary>Questions some attempt drew: they stay, so that attempt can still be scored and shown.</summary>
    public IReadOnlySet<int> Drawn { get; private set; } = new HashSet<int>();
    public int? MostDrawn { get; private set; }

    public async Task<IActionResult> OnGetAsync(int courseId, CancellationToken ct)
    {
        Input.Kind = nameof(QuestionKind.Single);
        return await LoadAsync(courseId, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int courseId, CancellationToken ct)
    {
        if (await LoadAsync(courseId, ct) is { } refused) return refused;
        if (!QuestionKindNames.TryParse(Input.Kind ?? "", out var kind) && !Enum.TryParse(Input.Kind, out kind))
            ModelState.AddModelError("Input.Kind", LearningTexts.ChooseQuestionKind);
        var options = Input.Options.Select(o => o ?? "").ToList();
        var count = kind == QuestionKind.TrueFalse ? Question.TrueFalseOptions.Count : options.FindLastIndex(o => !string.IsNullOrWhiteSpace(o)) + 1;
        if (ModelState.IsValid && !Question.TryParseAnswer(kind, Input.Answer, count, out _))
            ModelState.AddModelError("Input.Answer", LearningTexts.AnswerUnreadable);
        if (!ModelState.IsValid) return this.Unprocessable();
        Question.TryParseAnswer(kind, Input.Answer, count, out var correct);
        var result = await db.ActAsync(() =>
        {
            var q = Question.Create(courseId, kind, Input.Stem, options, correct, Input.Explanation);
            db.Questions.Add(q);
            db.Audit.Add(new AuditEntry(me.UserName, LearningTexts.QuestionAddedAudit, LearningTexts.OfCourse(Course.Title, q.Stem), clock.UtcNow()));
            return LearningTexts.QuestionAdded(Questions.Count + 1);
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { courseId }), () => Task.CompletedTask);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int courseId, CancellationToken ct)
    {
        if (await LoadAsync(courseId, ct) is { } refused) return refused;
        var q = await db.Questions.SingleOrDefaultAsync(x => x.Id == QuestionId && x.CourseId == courseId, ct);
        if (q is null) return NotFound();
        if (Drawn.Contains(q.Id)) return this.FlashAndRedirect(LearningTexts.QuestionInUse, "/Learning/Courses/Quiz/Bank", new { courseId });
        db.Questions.Remove(q);
        db.Audit.Add(new AuditEntry(me.UserName, LearningTexts.QuestionRemovedAudit, LearningTexts.OfCourse(Course.Title, q.Stem), clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return this.FlashAndRedirect(LearningTexts.QuestionRemoved, "/Learning/Courses/Quiz/Bank", new { courseId });
    }

    private async Task<IActionResult?> LoadAsync(int courseId, CancellationToken ct)
    {
        var found = await LessonSteps.FindAsync(this, db, me, courseId, ct);
        if (found.Refusal is { } refused) return refused;
        Course = found.Course!;
        Questions = await db.Questions.AsNoTracking().Where(q => q.CourseId == courseId).OrderBy(q => q.Id).ToListAsync(ct);
        var ids = Questions.Select(q => q.Id).ToList();
        var quizIds = Course.Lessons.Where(l => l.Kind == LessonKind.Quiz).Select(l => l.Id).ToList();
        Drawn = (await db.QuizAttempts.AsNoTracking().Where(a => quizIds.Contains(a.LessonId))
            .SelectMany(a => a.Items.Select(i => i.QuestionId)).Distinct().ToListAsync(ct)).ToHashSet();
        MostDrawn = Course.Lessons.Where(l => l.Kind == LessonKind.Quiz).Select(l => l.QuizDrawCount).Max();
        return null;
    }
}
