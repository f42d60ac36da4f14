using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>学时 and quiz results a test puts in place directly, through the domain, when the way they are earned is not its subject.</summary>
public static class TestLedger
{
    /// <summary>One ledger entry; its id.</summary>
    public static Task<int> CreditAsync(this AppFixture app, int personId, DateOnly on, decimal hours, bool required, StudySource source, int? sourceId) =>
        app.WithDbAsync(async db =>
        {
            var entry = StudyLedgerEntry.Credit(personId, on, hours, required, source, sourceId, "test", DateTime.UtcNow);
            db.StudyLedger.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });

    /// <summary>The reversing entry of <paramref name="entryId"/>.</summary>
    public static Task ReverseAsync(this AppFixture app, int entryId, DateOnly on) =>
        app.WithDbAsync(async db =>
        {
            var original = await db.StudyLedger.SingleAsync(e => e.Id == entryId);
            db.StudyLedger.Add(StudyLedgerEntry.ReversalOf(original, "测试冲销", alreadyReversed: false, on, "test", DateTime.UtcNow));
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>A submitted attempt at the quiz lesson with every answer right (the course's bank drawn as the rules say).</summary>
    public static Task PassQuizAsync(this AppFixture app, int personId, int quizLessonId) =>
        app.WithDbAsync(async db =>
        {
            var lesson = await db.Lessons.SingleAsync(l => l.Id == quizLessonId);
            var bank = await db.Questions.Where(q => q.CourseId == lesson.CourseId).ToListAsync();
            var earlier = await db.QuizAttempts.Where(a => a.PersonId == personId && a.LessonId == quizLessonId).ToListAsync();
            var attempt = QuizAttempt.Start(personId, quizLessonId, lesson.Rules!, bank, earlier, new Random(1), DateTime.UtcNow);
            var answers = attempt.Items.ToDictionary(i => i.QuestionId,
                i => (IReadOnlyList<int>)[.. bank.Single(q => q.Id == i.QuestionId).Correct.Select(i.ShownIndexOf)]);
            attempt.Submit(answers, bank, DateTime.UtcNow);
            db.QuizAttempts.Add(attempt);
            await db.SaveChangesAsync();
            return 0;
        });
}
