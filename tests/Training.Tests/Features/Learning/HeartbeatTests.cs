using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning;

/// <summary>
/// POST /Learning/Heartbeat, forged as a cheater's client would (LEARNING.md §3): whatever position,
/// speed, state or id the client claims, a learner earns only the time the server saw pass while the
/// newest playback played in a visible page. Server time is let pass by moving the previous heartbeat back.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HeartbeatTests(AppFixture app)
{
    private async Task<(HttpClient Learner, Trainee Trainee, TestCourse Course)> LearnerAsync(int videoSeconds = 600)
    {
        var trainee = await app.TraineeAsync();
        return (await app.SignInAsync(trainee), trainee, await app.CourseAsync(videoSeconds: videoSeconds));
    }

    private Task<double> CreditedAsync(int personId, int lessonId) =>
        app.WithDbAsync(db => db.LessonProgress.Where(p => p.PersonId == personId && p.LessonId == lessonId).Select(p => p.CreditedSeconds).SingleAsync());

    [Fact]
    public async Task Playing_at_real_speed_earns_the_time_that_passed()
    {
        var (learner, trainee, course) = await LearnerAsync();
        var lesson = await learner.OpenLessonAsync(course.VideoId);

        Assert.Equal(0, (await learner.BeatAsync(lesson, 0, "playing")).Credited);
        await app.AgeAsync(lesson, 15);
        var beat = await learner.BeatAsync(lesson, 15, "playing");

        Assert.Equal(HttpStatusCode.OK, beat.Status);
        Assert.InRange(beat.Credited, 14.9, 15.5);
        Assert.InRange(await CreditedAsync(trainee.PersonId, course.VideoId), 14.9, 15.5);
    }

    [Fact]
    public async Task A_jump_to_the_end_earns_only_the_time_that_passed_and_does_not_complete_the_video()
    {
        var (learner, trainee, course) = await LearnerAsync();
        var lesson = await learner.OpenLessonAsync(course.VideoId);
        await learner.BeatAsync(lesson, 0, "playing");
        await app.AgeAsync(lesson, 15);

        var beat = await learner.BeatAsync(lesson, 599, "ended");

        Assert.InRange(beat.Credited, 14.9, 15.5);
        Assert.Equal(599, beat.Furthest);
        Assert.False(beat.Completed);
        Assert.False(await app.WithDbAsync(db => db.StudyLedger.AnyAsync(e => e.PersonId == trainee.PersonId)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    public async Task A_faster_player_earns_real_time_only(int speed)
    {
        var (learner, _, course) = await LearnerAsync();
        var lesson = await learner.OpenLessonAsync(course.VideoId);
        await learner.BeatAsync(lesson, 0, "playing");
        await app.AgeAsync(lesson, 15);

        var beat = await learner.BeatAsync(lesson, 15 * speed, "playing");

        Assert.InRange(beat.Credited, 14.9, 15.5);
    }

    [Fact]
    public async Task Time_while_the_page_is_hidden_earns_nothing()
    {
        var (learner, trainee, course) = await LearnerAsync();
        var lesson = await learner.OpenLessonAsync(course.VideoId);
        await learner.BeatAsync(lesson, 0, "playing");
        await app.AgeAsync(lesson, 5);
        await learner.BeatAsync(lesson, 5, "hidden");
        await app.AgeAsync(lesson, 300);

        var back = await learner.BeatAsync(lesson, 305, "playing");

        Assert.Equal(0, back.Credited);
        Assert.InRange(await CreditedAsync(trainee.PersonId, course.VideoId), 4.9, 5.5);
    }

    [Fact]
    public async Task Opening_the_lesson_in_a_second_tab_or_on_a_second_phone_stops_the_first_from_earning()
    {
        var (learner, trainee, course) = await LearnerAsync();
        var first = await learner.OpenLessonAsync(course.VideoId);
        await learner.BeatAsync(first, 0, "playing");
        var phone = await app.SignInAsync(trainee);
        var second = await phone.OpenLessonAsync(course.VideoId);
        await phone.BeatAsync(second, 0, "playing");
        await app.AgeAsync(first, 15);
        await app.AgeAsync(second, 15);

        var old = await learner.BeatAsync(first, 15, "playing");
        var newest = await phone.BeatAsync(second, 15, "playing");

        Assert.Equal((0d, false), (old.Credited, old.Newest));
        Assert.InRange(newest.Credited, 14.9, 15.5);
        Assert.InRange(await CreditedAsync(trainee.PersonId, course.VideoId), 14.9, 15.5);
    }

    [Fact]
    public async Task Heartbeats_faster_than_real_time_earn_only_real_time()
    {
        var (learner, trainee, course) = await LearnerAsync();
        var lesson = await learner.OpenLessonAsync(course.VideoId);
        var started = DateTime.UtcNow;

        for (var i = 0; i <= 20; i++) await learner.BeatAsync(lesson, i * 15, "playing");

        var elapsed = (DateTime.UtcNow - started).TotalSeconds;
        Assert.InRange(await CreditedAsync(trainee.PersonId, course.VideoId), 0, elapsed);
    }

    [Fact]
    public async Task A_replayed_heartbeat_earns_nothing_more()
    {
        var (learner, trainee, course) = await LearnerAsync();
        var lesson = await learner.OpenLessonAsync(course.VideoId);
        await learner.BeatAsync(lesson, 0, "playing");
        await app.AgeAsync(lesson, 15);
        await learner.BeatAsync(lesson, 15, "playing");

        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => learner.BeatAsync(lesson, 15, "playing")));

        Assert.All(again, b => Assert.Equal(0, b.Credited));
        Assert.InRange(await CreditedAsync(trainee.PersonId, course.VideoId), 14.9, 15.5);
    }

    [Fact]
    public async Task Copies_of_one_heartbeat_sent_at_once_are_credited_once()
    {
        var (learner, trainee, course) = await LearnerAsync();
        var lesson = await learner.OpenLessonAsync(course.VideoId);
        await learner.BeatAsync(lesson, 0, "playing");
        await app.AgeAsync(lesson, 15);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => learner.BeatAsync(lesson, 15, "playing")));

        Assert.InRange(await CreditedAsync(trainee.PersonId, course.VideoId), 14.9, 15.5);
    }

    [Fact]
    public async Task Another_learners_or_an_invented_playback_id_is_not_found()
    {
        var (learner, _, course) = await LearnerAsync();
        var other = await app.SignInAsync(await app.TraineeAsync());
        var theirs = await other.OpenLessonAsync(course.VideoId);
        var mine = await learner.OpenLessonAsync(course.VideoId);

        Assert.Equal(HttpStatusCode.NotFound, (await learner.BeatAsync(mine, 0, "playing", playbackId: theirs.PlaybackId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.BeatAsync(mine, 0, "playing", playbackId: "AAAAAAAAAAAAAAAAAAAAAA")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.BeatAsync(mine, 0, "playing", lessonId: course.TextId)).Status);
    }

    [Fact]
    public async Task Going_backwards_earns_nothing_and_the_credit_per_heartbeat_is_capped_at_30_seconds()
    {
        var (learner, _, course) = await LearnerAsync(videoSeconds: 7200);
        var lesson = await learner.OpenLessonAsync(course.VideoId);
        await learner.BeatAsync(lesson, 300, "playing");
        await app.AgeAsync(lesson, 15);
        Assert.Equal(0, (await learner.BeatAsync(lesson, 100, "playing")).Credited);

        await app.AgeAsync(lesson, 3600);
        Assert.Equal(30, (await learner.BeatAsync(lesson, 3700, "playing")).Credited, 1);
    }

    [Theory]
    [InlineData("NaN", "playing")]
    [InlineData("-5", "playing")]
    [InlineData("Infinity", "playing")]
    [InlineData("十五", "playing")]
    [InlineData("15", "rewinding")]
    [InlineData("15", "3")]
    public async Task A_malformed_heartbeat_is_refused(string position, string state)
    {
        var (learner, _, course) = await LearnerAsync();
        var lesson = await learner.OpenLessonAsync(course.VideoId);
        var fields = new Dictionary<string, string>
        {
            ["lessonId"] = course.VideoId.ToString(), ["playbackId"] = lesson.PlaybackId, ["position"] = position, ["state"] = state,
            ["__RequestVerificationToken"] = lesson.Token,
        };

        using var response = await learner.PostAsync("/Learning/Heartbeat", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_heartbeat_without_the_antiforgery_token_is_refused()
    {
        var (learner, _, course) = await LearnerAsync();
        var lesson = await learner.OpenLessonAsync(course.VideoId);

        var beat = await learner.BeatAsync(lesson with { Token = "" }, 0, "playing");

        Assert.Equal(HttpStatusCode.BadRequest, beat.Status);
    }

    [Fact]
    public async Task Watching_a_short_video_through_completes_it_and_the_course_enters_the_ledger_once()
    {
        var (learner, trainee, course) = await LearnerAsync(videoSeconds: 40);
        var lesson = await learner.OpenLessonAsync(course.VideoId);
        await learner.BeatAsync(lesson, 0, "playing");
        await app.AgeAsync(lesson, 15);
        await learner.BeatAsync(lesson, 15, "playing");
        await app.AgeAsync(lesson, 15);
        await learner.BeatAsync(lesson, 30, "playing");
        await app.AgeAsync(lesson, 10);

        var end = await learner.BeatAsync(lesson, 40, "ended");

        Assert.True(end.Completed);
        Assert.Equal(0.25m, end.CourseHours);
        var again = await learner.OpenLessonAsync(course.VideoId);
        await learner.BeatAsync(again, 0, "playing");
        await app.AgeAsync(again, 40);
        await learner.BeatAsync(again, 40, "ended");
        var entries = await app.WithDbAsync(db => db.StudyLedger.Where(e => e.PersonId == trainee.PersonId).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal((0.25m, StudySource.OnlineCourse, course.Id, false), (entry.Hours, entry.Source, entry.SourceId, entry.Required));
    }

    [Fact]
    public async Task A_course_completed_while_a_required_assignment_is_in_force_enters_the_ledger_as_required()
    {
        var (learner, trainee, course) = await LearnerAsync(videoSeconds: 20);
        await app.AssignAsync(course.Id, TestTrainees.DistrictCode);
        var lesson = await learner.OpenLessonAsync(course.VideoId);
        await learner.BeatAsync(lesson, 0, "playing");
        await app.AgeAsync(lesson, 20);

        await learner.BeatAsync(lesson, 20, "ended");

        var entry = await app.WithDbAsync(db => db.StudyLedger.SingleAsync(e => e.PersonId == trainee.PersonId));
        Assert.True(entry.Required);
    }

    [Fact]
    public async Task A_withdrawn_course_earns_nothing_more()
    {
        var (learner, trainee, course) = await LearnerAsync();
        var lesson = await learner.OpenLessonAsync(course.VideoId);
        await learner.BeatAsync(lesson, 0, "playing");
        await app.WithDbAsync(async db =>
        {
            var c = await db.Courses.SingleAsync(x => x.Id == course.Id);
            c.Withdraw();
            return await db.SaveChangesAsync();
        });
        await app.AgeAsync(lesson, 15);

        Assert.Equal(0, (await learner.BeatAsync(lesson, 15, "playing")).Credited);
    }

    [Fact]
    public async Task A_get_does_nothing()
    {
        var (learner, _, _) = await LearnerAsync();

        using var response = await learner.GetAsync("/Learning/Heartbeat");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
