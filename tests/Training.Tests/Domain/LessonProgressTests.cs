using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>LEARNING.md §3 rule 4: when a lesson is complete, by kind.</summary>
public sealed class LessonProgressTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_video_completes_at_95_percent_reached_and_80_percent_credited()
    {
        var p = LessonProgress.Start(1, 2);

        p.Record(800, 950, LessonKind.Video, 1000, Now);

        Assert.True(p.IsCompleted);
    }

    [Fact]
    public void A_video_seeked_to_the_end_without_being_watched_does_not_complete()
    {
        var p = LessonProgress.Start(1, 2);

        p.Record(799, 1000, LessonKind.Video, 1000, Now);

        Assert.False(p.IsCompleted);
        Assert.Equal(1, p.SecondsStillNeeded(LessonKind.Video, 1000), precision: 6);
    }

    [Fact]
    public void A_video_watched_enough_but_not_to_the_end_does_not_complete()
    {
        var p = LessonProgress.Start(1, 2);

        p.Record(900, 949, LessonKind.Video, 1000, Now);

        Assert.False(p.IsCompleted);
    }

    [Theory]
    [InlineData(LessonKind.Text)]
    [InlineData(LessonKind.File)]
    public void A_text_completes_on_60_percent_visible_time_and_已学完(LessonKind kind)
    {
        var p = LessonProgress.Start(1, 2);
        p.Record(59, 0, kind, 100, Now);
        p.MarkRead(kind, 100, Now);
        Assert.False(p.IsCompleted);

        p.Record(1, 0, kind, 100, Now.AddSeconds(1));

        Assert.True(p.IsCompleted);
        Assert.Equal(Now.AddSeconds(1), p.CompletedAt);
    }

    [Fact]
    public void Enough_time_on_a_text_without_已学完_does_not_complete()
    {
        var p = LessonProgress.Start(1, 2);

        p.Record(100, 0, LessonKind.Text, 100, Now);

        Assert.False(p.IsCompleted);
    }

    [Fact]
    public void An_external_video_never_completes_by_time()
    {
        var p = LessonProgress.Start(1, 2);

        p.Record(1000, 1000, LessonKind.ExternalVideo, 1000, Now);

        Assert.False(p.IsCompleted);
    }

    [Fact]
    public void A_quiz_lesson_completes_when_passed_and_keeps_its_first_completion()
    {
        var p = LessonProgress.Start(1, 2);

        p.PassQuiz(Now);
        p.PassQuiz(Now.AddDays(1));

        Assert.Equal(Now, p.CompletedAt);
    }

    [Fact]
    public void The_learner_resumes_where_they_stopped_and_from_the_start_after_the_end()
    {
        var p = LessonProgress.Start(1, 2);
        p.Record(15, 321, LessonKind.Video, 1000, Now);
        Assert.Equal(321, p.ResumePosition);

        p.Record(15, 1000, LessonKind.Video, 1000, Now);
        Assert.Equal(0, p.ResumePosition);
    }
}
