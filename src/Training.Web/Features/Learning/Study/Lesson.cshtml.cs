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
/// One lesson, for a learner on a phone: opening it issues a new playback id (which makes every
/// older playback of the learner earn nothing) and starts where the learner stopped. A text is
/// rendered and sanitised on the server; a video plays inline (WeChat on Android included); a PDF
/// shows in the page. The player's heartbeats go to /Learning/Heartbeat; a text or a file completes
/// with 已学完 once enough visible time was credited. Staff open it as a preview: nothing is issued.
/// </summary>
[Authorize(Policy = LearningPermissions.Read)]
public sealed class LessonModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, CourseCompletion completion) : PageModel
{
    public Lesson Lesson { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Title, int Order)> Siblings { get; private set; } = [];
    public LessonProgress? Progress { get; private set; }
    public string? PlaybackId { get; private set; }
    public double ResumeAt { get; private set; }
    public string? BodyHtml { get; private set; }
    public IReadOnlyList<QuizAttempt> Attempts { get; private set; } = [];
    public QuizAttempt? OpenAttempt { get; private set; }
    public int BankSize { get; private set; }
    public bool IsPreview => me.PersonId is null;

    public (int Id, string Title, int Order)? Next => Siblings.Where(s => s.Order > Lesson.Order).Cast<(int, string, int)?>().FirstOrDefault();
    public (int Id, string Title, int Order)? Previous => Siblings.Where(s => s.Order < Lesson.Order).Cast<(int, string, int)?>().LastOrDefault();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (me.PersonId is { } personId && Lesson.Course.State == CourseState.Published && Lesson.Kind != LessonKind.Quiz)
        {
            var now = clock.UtcNow();
            if (Progress is null)
            {
                Progress = LessonProgress.Start(personId, id);
                db.LessonProgress.Add(Progress);
            }
            ResumeAt = Lesson.Kind == LessonKind.Video ? Progress.ResumePosition : 0;
            var playback = Playback.Open(personId, id, Lesson.DurationSeconds, ResumeAt, now);
            db.Playbacks.Add(playback);
            await db.SaveChangesAsync(ct);
            PlaybackId = playback.PublicId;
        }
        return Page();
    }

    /// <summary>已学完 on a text or a file: completes when the server credited enough visible time; the course then, if it was the last.</summary>
    public async Task<IActionResult> OnPostReadAsync(int id, CancellationToken ct)
    {
        if (me.PersonId is not { } personId) return Forbid();
        if (!await LoadAsync(id, ct) || Progress is null) return NotFound();
        if (Lesson.Course.State != CourseState.Published) return this.FlashAndRedirect(StudyTexts.NotPublished, "/Learning/Study/Lesson", new { id });
        var needed = Progress.SecondsStillNeeded(Lesson.Kind, Lesson.DurationSeconds);
        var result = await db.ActAsync(() =>
        {
            Progress.MarkRead(Lesson.Kind, Lesson.DurationSeconds, clock.UtcNow());
            return Progress.IsCompleted ? StudyTexts.MarkedRead : StudyTexts.NeedMoreTime(needed);
        }, ct, id);
        if (result.Status == StepStatus.Done && Progress.IsCompleted && await completion.RecordIfCompletedAsync(personId, id, ct) is { } entry)
            return this.FlashAndRedirect(StudyTexts.CourseCompleted(Lesson.Course.Title, entry.Hours), "/Learning/Study/Course", new { id = Lesson.CourseId });
        return await this.AnswerAsync(result, () => RedirectToPage(new { id }), () => Task.CompletedTask, fieldPrefix: null);
    }

    /// <summary>开始测验: draws this attempt's questions on the server (the page never holds their answers); an open attempt is resumed instead.</summary>
    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct)
    {
        if (me.PersonId is not { } personId) return Forbid();
        if (!await LoadAsync(id, ct) || Lesson.Rules is not { } rules) return NotFound();
        if (Lesson.Course.State != CourseState.Published) return this.FlashAndRedirect(StudyTexts.NotPublished, "/Learning/Study/Lesson", new { id });
        if (OpenAttempt is { } open) return RedirectToPage("/Learning/Study/Quiz", new { id = open.PublicId });
        var bank = await db.Questions.AsNoTracking().Where(q => q.CourseId == Lesson.CourseId).ToListAsync(ct);
        QuizAttempt? started = null;
        var result = await db.ActAsync(() =>
        {
            started = QuizAttempt.Start(personId, id, rules, bank, Attempts, Random.Shared, clock.UtcNow());
            db.QuizAttempts.Add(started);
            return StudyTexts.QuizStarted(started.Number);
        }, ct, id);
        return await this.AnswerAsync(result, () => RedirectToPage("/Learning/Study/Quiz", new { id = started!.PublicId }), () => Task.CompletedTask, fieldPrefix: null);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var lesson = await db.Lessons.Include(l => l.Course)
            .Where(l => l.Id == id && StudyQueries.Openable(db, me, clock.Today()).Any(c => c.Id == l.CourseId))
            .SingleOrDefaultAsync(ct);
        if (lesson is null) return false;
        Lesson = lesson;
        Siblings = (await db.Lessons.AsNoTracking().Where(l => l.CourseId == lesson.CourseId).OrderBy(l => l.Order)
            .Select(l => new { l.Id, l.Title, l.Order }).ToListAsync(ct)).Select(l => (l.Id, l.Title, l.Order)).ToList();
        if (me.PersonId is { } personId)
            Progress = await db.LessonProgress.SingleOrDefaultAsync(p => p.PersonId == personId && p.LessonId == id, ct);
        if (lesson.Kind == LessonKind.Text) BodyHtml = SafeMarkdown.ToHtml(lesson.Body ?? "");
        if (lesson.Kind == LessonKind.Quiz)
        {
            BankSize = await db.Questions.CountAsync(q => q.CourseId == lesson.CourseId, ct);
            if (me.PersonId is { } learner)
            {
                Attempts = await QuizSteps.AttemptsAsync(db, learner, id, ct);
                OpenAttempt = QuizAttempt.OpenOf(Attempts, clock.UtcNow());
            }
        }
        return true;
    }
}
