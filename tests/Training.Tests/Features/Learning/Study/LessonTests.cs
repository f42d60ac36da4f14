using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Study;

/// <summary>The page /Learning/Study/Lesson/{id}: a playback per opening, video inline for WeChat, 已学完 on visible time.</summary>
[Collection(AppCollection.Name)]
public sealed class LessonTests(AppFixture app)
{
    [Fact]
    public async Task Should_issue_a_new_unguessable_playback_each_time_and_play_inline_in_wechat()
    {
        var course = await app.CourseAsync();
        var learner = await app.SignInAsync(await app.TraineeAsync());

        var first = await learner.OpenLessonAsync(course.VideoId);
        var second = await learner.OpenLessonAsync(course.VideoId);

        Assert.Equal(22, first.PlaybackId.Length);
        Assert.NotEqual(first.PlaybackId, second.PlaybackId);
        var video = first.Page.QuerySelector("video")!;
        Assert.All(new[] { "playsinline", "webkit-playsinline", "x5-playsinline" }, a => Assert.True(video.HasAttribute(a), a));
        Assert.Null(first.Page.QuerySelector("script:not([src])"));
    }

    [Fact]
    public async Task Should_resume_a_video_where_the_learner_stopped()
    {
        var course = await app.CourseAsync();
        var learner = await app.SignInAsync(await app.TraineeAsync());
        var lesson = await learner.OpenLessonAsync(course.VideoId);
        await learner.BeatAsync(lesson, 100, "playing");
        await app.AgeAsync(lesson, 15);
        await learner.BeatAsync(lesson, 115, "paused");

        var again = await learner.OpenLessonAsync(course.VideoId);

        Assert.Equal("115", again.Page.QuerySelector("#player")?.GetAttribute("data-resume"));
    }

    [Fact]
    public async Task Should_complete_a_text_with_yixuewan_only_after_enough_visible_time()
    {
        var course = await app.CourseAsync(videoSeconds: 600, textRequired: true);
        var trainee = await app.TraineeAsync();
        var learner = await app.SignInAsync(trainee);
        var url = $"/Learning/Study/Lesson/{course.TextId}";
        var lesson = await learner.OpenLessonAsync(course.TextId);

        // 已学完 is pressed on the page already open (opening it again would issue a new playback).
        var read = () => learner.PostAsync(url + "?handler=Read", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = lesson.Token }));
        using var early = await read();
        var notYet = await app.WithDbAsync(db => db.LessonProgress.SingleAsync(p => p.PersonId == trainee.PersonId && p.LessonId == course.TextId));
        await learner.BeatAsync(lesson, 0, "playing");
        await app.AgeAsync(lesson, 20);
        await learner.BeatAsync(lesson, 20, "playing");
        await app.AgeAsync(lesson, 20);
        await learner.BeatAsync(lesson, 40, "playing"); // 40 s of a 60 s text: over 60%
        using var enough = await read();

        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Null(notYet.CompletedAt);
        var done = await app.WithDbAsync(db => db.LessonProgress.SingleAsync(p => p.PersonId == trainee.PersonId && p.LessonId == course.TextId));
        Assert.NotNull(done.CompletedAt);
        Assert.InRange(done.CreditedSeconds, 39.9, 40.5);
    }

    [Fact]
    public async Task Should_issue_no_playback_to_staff_previewing()
    {
        var course = await app.CourseAsync(ownerCode: "440111");

        var page = await (await (await app.SignInAsync(DemoAccounts.Township)).GetAsync($"/Learning/Study/Lesson/{course.VideoId}")).ReadHtmlAsync();

        Assert.NotNull(page.QuerySelector("[data-testid=preview-notice]"));
        Assert.Equal("", page.QuerySelector("#player")?.GetAttribute("data-playback-id") ?? "");
    }
}
