using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>LEARNING.md §1: 学时 follow durations, and durations are never typed.</summary>
public sealed class StudyHoursTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0.25)]
    [InlineData(15 * 60 - 1, 0.25)]
    [InlineData(15 * 60, 0.5)]
    [InlineData(30 * 60 - 1, 0.5)]
    [InlineData(30 * 60, 1)]
    [InlineData(3 * 3600, 1)]
    public void A_lesson_earns_by_its_duration_band(int seconds, double hours) =>
        Assert.Equal((decimal)hours, StudyHours.ForLesson(seconds));

    [Fact]
    public void A_text_is_read_at_300_characters_a_minute_not_counting_white_space()
    {
        Assert.Equal(60, StudyHours.TextSeconds(new string('学', 300)));
        Assert.Equal(60, StudyHours.TextSeconds(string.Join(" \n", Enumerable.Repeat("学", 300))));
        Assert.Equal(1, StudyHours.TextSeconds("学"));
        Assert.Equal(0, StudyHours.TextSeconds("  \n"));
    }

    [Fact]
    public void A_file_is_given_at_most_three_minutes_a_page() =>
        Assert.Equal((540, 0), (StudyHours.MaxFileSeconds(3), StudyHours.MaxFileSeconds(-1)));
}
