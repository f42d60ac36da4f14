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
        c.AddLesson("导学", LessonKind.Text, 10 * 60, optional: false);         // 0.25
        c.AddLesson("专题讲座", LessonKind.Video, 45 * 60, optional: false);   // 1
        c.AddLesson("案例", LessonKind.File, 20 * 60, optional: false);        // 0.5
        c.AddLesson("拓展阅读", LessonKind.Text, 40 * 60, optional: true);     // not counted
        c.AddLesson("外链视频", LessonKind.ExternalVideo, 60 * 60, optional: false); // none by time
        c.AddLesson("测验", LessonKind.Quiz, 0, optional: false);              // + 0.5

        Assert.Equal(2.25m, c.Hours);
        Assert.Equal("乡村振兴战略解读", c.Title);
    }

    [Fact]
    public void Lessons_are_numbered_in_order_and_can_be_reordered_each_once()
    {
        var c = NewCourse();
        var a = c.AddLesson("一", LessonKind.Text, 60, false);
        var b = c.AddLesson("二", LessonKind.Text, 60, false);
        var d = c.AddLesson("三", LessonKind.Text, 60, false);

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
        c.AddLesson("一", LessonKind.Video, 600, optional: false);
        Assert.NotEqual(before, c.Version);

        c.Publish();
        Assert.Equal(CourseState.Published, c.State);
        c.Withdraw();
        Assert.Equal(CourseState.Withdrawn, c.State);
        Assert.Throws<DomainException>(() => c.AddLesson("二", LessonKind.Text, 60, false));
        Assert.Throws<DomainException>(c.Withdraw);
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
