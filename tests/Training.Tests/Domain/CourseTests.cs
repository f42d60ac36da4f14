using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>LEARNING.md §1: courses of the city or a district, their states, ordered lessons, and 学时 from durations.</summary>
public sealed class CourseTests
{
    private static readonly OrgUnit City = OrgUnit.CreateCity("440100", "广州市");

    private static Course NewCourse(bool quizEarnsHours = false) =>
        Course.Create(City, " 乡村振兴战略解读 ", CourseCategory.RuralRevitalisation, null, quizEarnsHours);

    [Fact]
    public void A_course_earns_the_sum_of_its_required_lessons_and_the_quiz_bonus_where_it_says_so()
    {
        var c = NewCourse(quizEarnsHours: true);
        c.AddText("导学", Words(10 * 300), optional: false);                   // 10 min: 0.25
        c.AddVideo("专题讲座", "a.mp4", 1, 45 * 60, optional: false);          // 1
        c.AddFile("案例", "b.pdf", 1, pages: 10, 20 * 60, optional: false);    // 0.5
        c.AddText("拓展阅读", Words(40 * 300), optional: true);                // not counted
        c.AddExternalVideo("外链视频", "https://example.org/v", optional: false); // none by time
        c.AddQuiz("测验", QuizRules.Create(5, 60, null, null), optional: false); // + 0.5

        Assert.Equal(2.25m, c.Hours);
        Assert.Equal("乡村振兴战略解读", c.Title);
    }

    [Fact]
    public void Lessons_are_numbered_in_order_and_can_be_reordered_each_once()
    {
        var c = NewCourse();
        var a = c.AddText("一", "第一课", false);
        var b = c.AddText("二", "第二课", false);
        var d = c.AddText("三", "第三课", false);

        c.Reorder([d, a, b]);

        Assert.Equal(["三", "一", "二"], c.Lessons.Select(l => l.Title));
        Assert.Equal([1, 2, 3], c.Lessons.Select(l => l.Order));
        Assert.Throws<DomainException>(() => c.Reorder([d, a, a]));
        Assert.Throws<DomainException>(() => c.Reorder([d, a]));
    }

    [Fact]
    public void A_course_is_published_with_a_required_lesson_then_withdrawn_and_every_change_moves_its_version()
    {
        var c = NewCourse();
        Assert.Throws<DomainException>(c.Publish);
        var before = c.Version;
        c.AddVideo("一", "a.mp4", 1, 600, optional: false);
        Assert.NotEqual(before, c.Version);

        c.Publish();
        Assert.Equal(CourseState.Published, c.State);
        c.Withdraw();
        Assert.Equal(CourseState.Withdrawn, c.State);
        Assert.Throws<DomainException>(() => c.AddText("二", "第二课", false));
        Assert.Throws<DomainException>(c.Withdraw);
    }

    private static string Words(int characters) => new('学', characters);

    [Fact]
    public void A_text_lasts_as_long_as_its_words_take_to_read_and_changing_the_words_changes_it()
    {
        var c = NewCourse();
        var lesson = c.AddText("导学", "## 一\n\n" + Words(600), optional: false);
        Assert.Equal(121, lesson.DurationSeconds); // 602 characters at 300 a minute, rounded up

        c.ChangeLesson(lesson, "导学（修订）", optional: false, Words(9000));

        Assert.Equal((30 * 60, 1m), (lesson.DurationSeconds, lesson.Hours));
        Assert.Equal("Body", Assert.Throws<DomainException>(() => c.AddText("空", "  \n ", false)).Field);
    }

    [Fact]
    public void A_file_is_given_at_most_three_minutes_a_page_and_a_video_needs_a_duration_read_from_it()
    {
        var c = NewCourse();

        Assert.Equal(30 * 60, c.AddFile("十页", "a.pdf", 100, pages: 10, 30 * 60, false).DurationSeconds);
        Assert.Equal("DurationSeconds", Assert.Throws<DomainException>(() => c.AddFile("十页", "a.pdf", 100, 10, 30 * 60 + 1, false)).Field);
        Assert.Equal("Pages", Assert.Throws<DomainException>(() => c.AddFile("坏", "a.pdf", 100, 0, 60, false)).Field);
        Assert.Equal("DurationSeconds", Assert.Throws<DomainException>(() => c.AddVideo("坏", "a.mp4", 100, 0, false)).Field);
        Assert.Equal("MediaName", Assert.Throws<DomainException>(() => c.AddVideo("空", "a.mp4", 0, 60, false)).Field);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/v.mp4")]
    [InlineData("/relative/video")]
    [InlineData("")]
    public void An_external_video_is_an_http_address(string url)
    {
        Assert.Equal("Url", Assert.Throws<DomainException>(() => NewCourse().AddExternalVideo("外链", url, false)).Field);
    }

    [Fact]
    public void Lessons_are_removed_only_from_a_draft_and_a_published_course_keeps_a_required_lesson()
    {
        var c = NewCourse();
        var a = c.AddText("一", "第一课", false);
        var b = c.AddText("二", "第二课", false);
        var d = c.AddText("三", "第三课", false);
        c.RemoveLesson(b);
        Assert.Equal([1, 2], c.Lessons.Select(l => l.Order));

        c.Move(d, -1);
        Assert.Equal(["三", "一"], c.Lessons.Select(l => l.Title));
        c.Publish();

        Assert.Throws<DomainException>(() => c.RemoveLesson(a));
        c.ChangeLesson(a, "一", optional: true, "第一课");
        Assert.Equal("Optional", Assert.Throws<DomainException>(() => c.ChangeLesson(d, "三", optional: true, "第三课")).Field);
        Assert.False(d.Optional);
    }

    [Fact]
    public void Only_the_city_or_a_district_owns_a_course_and_a_course_has_a_title()
    {
        var district = OrgUnit.CreateChild(City, "440111", "白云区");
        var township = OrgUnit.CreateChild(district, "440111103", "人和镇");

        Assert.Equal(district, Course.Create(district, "课程", CourseCategory.PartyBuilding, null, false).Owner);
        Assert.Throws<DomainException>(() => Course.Create(township, "课程", CourseCategory.PartyBuilding, null, false));
        Assert.Equal("Title", Assert.Throws<DomainException>(() => Course.Create(City, "  ", CourseCategory.PartyBuilding, null, false)).Field);
    }
}
