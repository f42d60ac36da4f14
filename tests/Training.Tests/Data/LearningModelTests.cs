using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Data;

/// <summary>The learning tables as the migrations made them: what the domain keeps comes back, and the database holds the ledger's rules too.</summary>
[Collection(AppCollection.Name)]
public sealed class LearningModelTests(AppFixture app)
{
    private static readonly DateTime Now = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_course_its_lessons_a_playback_and_progress_come_back_as_stored()
    {
        var personId = await app.PersonAsync(TestPeople.OwnVillage, "学习");
        var (courseId, lessonId, publicId) = await app.WithDbAsync(async db =>
        {
            var city = await db.OrgUnits.SingleAsync(u => u.Level == OrgLevel.City);
            var course = Course.Create(city, "测试课程" + Guid.NewGuid().ToString("N")[..6], CourseCategory.GrassrootsGovernance, "说明", quizEarnsHours: true);
            var video = course.AddVideo("讲座", "0123456789abcdef0123456789abcdef.mp4", 1_000_000, 45 * 60, optional: false);
            course.AddQuiz("测验", QuizRules.Create(5, 60, 3, 20), optional: false);
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            var playback = Playback.Open(personId, video.Id, video.DurationSeconds, 0, Now);
            playback.Beat(0, PlaybackState.Playing, Now, isNewest: true);
            playback.Beat(15, PlaybackState.Playing, Now.AddSeconds(15), isNewest: true);
            var progress = LessonProgress.Start(personId, video.Id);
            progress.Record(15, 15, LessonKind.Video, video.DurationSeconds, Now.AddSeconds(15));
            db.AddRange(playback, progress);
            await db.SaveChangesAsync();
            return (course.Id, video.Id, playback.PublicId);
        });

        var stored = await app.WithDbAsync(async db => new
        {
            Course = await db.Courses.AsNoTracking().Include(c => c.Lessons).SingleAsync(c => c.Id == courseId),
            Playback = await db.Playbacks.AsNoTracking().SingleAsync(p => p.PublicId == publicId),
            Progress = await db.LessonProgress.AsNoTracking().SingleAsync(p => p.PersonId == personId && p.LessonId == lessonId),
        });

        Assert.Equal((CourseState.Draft, 1.5m, 2), (stored.Course.State, stored.Course.Hours, stored.Course.Lessons.Count));
        Assert.Equal((15d, 15d, PlaybackState.Playing), (stored.Playback.CreditedSeconds, stored.Playback.FurthestPosition, stored.Playback.LastState));
        Assert.Equal((15d, 15d), (stored.Progress.CreditedSeconds, stored.Progress.ResumePosition));
    }

    [Fact]
    public async Task The_database_refuses_a_second_reversal_of_one_ledger_entry()
    {
        var personId = await app.PersonAsync(TestPeople.OwnVillage, "学时");
        var day = new DateOnly(2026, 12, 4);
        var original = await app.WithDbAsync(async db =>
        {
            var e = StudyLedgerEntry.Credit(personId, day, 8, required: true, StudySource.Class, null, "test", Now);
            db.StudyLedger.Add(e);
            await db.SaveChangesAsync();
            db.StudyLedger.Add(StudyLedgerEntry.ReversalOf(e, "考勤登记错误", alreadyReversed: false, day, "township", Now));
            await db.SaveChangesAsync();
            return e;
        });

        // Two staff reversing at the same moment both pass the domain's check; the unique index stops the second.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.StudyLedger.Add(StudyLedgerEntry.ReversalOf(original, "再次冲销", alreadyReversed: false, day, "district", Now));
            await db.SaveChangesAsync();
            return 0;
        }));
        Assert.Equal(0m, await app.WithDbAsync(db => db.StudyLedger.Where(x => x.PersonId == personId).SumAsync(x => x.Hours)));
    }

    [Fact]
    public async Task A_question_bank_and_an_attempt_with_its_shuffled_items_come_back_as_stored()
    {
        var personId = await app.PersonAsync(TestPeople.OwnVillage, "测验");
        var (attemptId, questionIds) = await app.WithDbAsync(async db =>
        {
            var city = await db.OrgUnits.SingleAsync(u => u.Level == OrgLevel.City);
            var course = Course.Create(city, "测验课程" + Guid.NewGuid().ToString("N")[..6], CourseCategory.PartyBuilding, null, quizEarnsHours: true);
            var quiz = course.AddQuiz("测验", QuizRules.Create(2, 50, 3, 10), optional: false);
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            var bank = new[]
            {
                Question.Create(course.Id, QuestionKind.Single, "“三会一课”中的党课每年不少于几次？", ["一次", "两次", "四次"], [1], "党课每年不少于两次。"),
                Question.Create(course.Id, QuestionKind.Multiple, "以下哪些是乡村振兴的总要求？", ["产业兴旺", "生态宜居", "大拆大建"], [0, 1], null),
                Question.Create(course.Id, QuestionKind.TrueFalse, "村务公开至少每季度一次。", [], [0], null),
            };
            db.Questions.AddRange(bank);
            await db.SaveChangesAsync();
            var attempt = QuizAttempt.Start(personId, quiz.Id, quiz.Rules!, bank, [], new Random(7), Now);
            db.QuizAttempts.Add(attempt);
            await db.SaveChangesAsync();
            return (attempt.Id, bank.Select(q => q.Id).ToList());
        });

        var stored = await app.WithDbAsync(async db => new
        {
            Questions = await db.Questions.AsNoTracking().Where(q => questionIds.Contains(q.Id)).OrderBy(q => q.Id).ToListAsync(),
            Attempt = await db.QuizAttempts.AsNoTracking().SingleAsync(a => a.Id == attemptId),
        });

        Assert.Equal(["一次", "两次", "四次"], stored.Questions[0].Options);
        Assert.Equal([0, 1], stored.Questions[1].Correct);
        Assert.Equal(["正确", "错误"], stored.Questions[2].Options);
        Assert.Equal(2, stored.Attempt.Items.Count);
        Assert.All(stored.Attempt.Items, i => Assert.Equal(stored.Questions.Single(q => q.Id == i.QuestionId).Options.Count, i.OptionOrder.Count));
        Assert.Equal(Now.AddMinutes(10), stored.Attempt.DueAt);
    }
}
