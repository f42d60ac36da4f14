using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning.Study;

/// <summary>
/// One quiz attempt (LEARNING.md §4), the learner's own: while open, its drawn questions with their
/// options in the order drawn — never the answers, which stay on the server — and 交卷; once submitted,
/// the score and which answers were wrong, and the right answers with their explanations only once
/// passed or out of attempts. Scored on the server; past the time limit nothing counts. A pass
/// completes the quiz lesson, and the course if it was the last.
/// </summary>
[Authorize(Policy = LearningPermissions.Study)]
public sealed class QuizModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, CourseCompletion completion) : PageModel
{
    public QuizAttempt Attempt { get; private set; } = null!;
    public Lesson Lesson { get; private set; } = null!;
    public IReadOnlyDictionary<int, Question> Questions { get; private set; } = new Dictionary<int, Question>();
    public bool Reveal { get; private set; }
    public bool IsOpen => Attempt.IsOpen(clock.UtcNow());

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>交卷: the chosen options arrive as shown indexes per question ("q{questionId}"), scored here.</summary>
    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var answers = Attempt.Items.ToDictionary(i => i.QuestionId, i => (IReadOnlyList<int>)Request.Form[$"q{i.QuestionId}"]
            .Select(v => int.TryParse(v, out var n) ? n : -1).Where(n => n >= 0).ToList());
        var result = await db.ActAsync(() =>
        {
            Attempt.Submit(answers, Questions.Values.ToList(), clock.UtcNow());
            return Attempt.SubmittedLate ? StudyTexts.QuizLate : StudyTexts.QuizScored(Attempt.ScorePercent ?? 0, Attempt.Passed);
        }, ct);
        if (result.Status == StepStatus.Done && Attempt.Passed && me.PersonId is { } personId)
        {
            var progress = await db.LessonProgress.SingleOrDefaultAsync(p => p.PersonId == personId && p.LessonId == Lesson.Id, ct);
            if (progress is null) db.LessonProgress.Add(progress = LessonProgress.Start(personId, Lesson.Id));
            progress.PassQuiz(clock.UtcNow());
            await db.SaveChangesAsync(ct);
            if (await completion.RecordIfCompletedAsync(personId, Lesson.Id, ct) is { } entry)
                return this.FlashAndRedirect(result.Message + StudyTexts.CourseCompleted(Lesson.Course.Title, entry.Hours), "/Learning/Study/Quiz", new { id });
        }
        return await this.AnswerAsync(result, () => RedirectToPage(new { id }), async () => await LoadAsync(id, ct), fieldPrefix: null);
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (me.PersonId is not { } personId) return false;
        var attempt = await db.QuizAttempts.SingleOrDefaultAsync(a => a.PublicId == id && a.PersonId == personId, ct);
        if (attempt is null) return false;
        Attempt = attempt;
        Lesson = await db.Lessons.AsNoTracking().Include(l => l.Course).SingleAsync(l => l.Id == attempt.LessonId, ct);
        Questions = (await QuizSteps.QuestionsOfAsync(db, attempt, ct)).ToDictionary(q => q.Id);
        // The attempts that are over (submitted, or past their time): the domain's rule, not a copy of it in SQL.
        var now = clock.UtcNow();
        var over = (await QuizSteps.AttemptsAsync(db, personId, attempt.LessonId, ct)).Count(a => !a.IsOpen(now));
        Reveal = attempt.MayRevealAnswers(Lesson.Rules?.MaxAttempts, over);
        return true;
    }
}
