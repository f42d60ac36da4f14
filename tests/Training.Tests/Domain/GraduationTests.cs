using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>
/// Graduation conditions of a class (LEARNING.md §6): attendance, 必修 and 选修 hours within the class's dates,
/// required courses completed, required quizzes passed — each alone, and together; 已结业 as soon as all are met,
/// 未结业 after the last day otherwise.
/// </summary>
public sealed class GraduationTests
{
    private static readonly DateOnly Start = new(2026, 11, 1), End = new(2026, 11, 30), During = new(2026, 11, 15);
    private static readonly GraduationItem Course1 = new(11, "乡村振兴战略解读"), Course2 = new(12, "基层党建实务");
    private static readonly GraduationItem Quiz1 = new(21, "结业测验");

    private static GraduationTerms Terms(int sessions = 0, int percent = 80, decimal? required = null, decimal? elective = null,
        GraduationItem[]? courses = null, GraduationItem[]? quizzes = null) =>
        new(Start, End, percent, sessions, required, elective, courses ?? [], quizzes ?? []);

    private static GraduationFacts Facts(int attended = 0, decimal required = 0, decimal elective = 0, int[]? courses = null, int[]? quizzes = null) =>
        new(attended, required, elective, (courses ?? []).ToHashSet(), (quizzes ?? []).ToHashSet());

    [Theory]
    [InlineData(5, 80, 4, true)]
    [InlineData(5, 80, 3, false)]
    [InlineData(3, 80, 3, true)]
    [InlineData(3, 80, 2, false)] // 66% < 80%
    [InlineData(10, 75, 8, true)] // 7.5 sessions: 8 needed
    [InlineData(10, 75, 7, false)]
    [InlineData(1, 1, 1, true)]
    public void Attendance_is_met_at_the_threshold_share_of_the_sessions(int sessions, int percent, int attended, bool met)
    {
        var result = Graduation.Evaluate(Terms(sessions, percent), Facts(attended), During);

        Assert.Equal(met, result.Graduated);
        Assert.Equal(met, TrainingClass.Completes(attended, sessions, percent)); // the same rule as the class's own
        var check = Assert.Single(result.Checks);
        Assert.Equal(GraduationCondition.Attendance, check.Condition);
        Assert.Equal(Graduation.SessionsNeeded(sessions, percent), check.Need);
    }

    [Fact]
    public void Required_hours_are_met_at_the_asked_figure_and_say_how_much_is_missing()
    {
        var terms = Terms(required: 16);

        var short_ = Graduation.Evaluate(terms, Facts(required: 12.5m, elective: 40), During);
        var check = Assert.Single(short_.Checks);
        Assert.False(check.Met);
        Assert.Equal(3.5m, check.Missing);
        Assert.False(short_.Graduated); // 选修 do not make up for 必修

        Assert.True(Graduation.Evaluate(terms, Facts(required: 16), During).Graduated);
    }

    [Fact]
    public void Elective_hours_are_their_own_condition()
    {
        var terms = Terms(elective: 4);
        Assert.False(Graduation.Evaluate(terms, Facts(required: 50, elective: 3.5m), During).Graduated);
        Assert.True(Graduation.Evaluate(terms, Facts(elective: 4.5m), During).Graduated);
    }

    [Fact]
    public void Every_required_course_must_be_completed()
    {
        var terms = Terms(courses: [Course1, Course2]);

        var one = Graduation.Evaluate(terms, Facts(courses: [11]), During);
        Assert.False(one.Graduated);
        Assert.Equal(Course2, Assert.Single(one.Missing).Item);

        Assert.True(Graduation.Evaluate(terms, Facts(courses: [11, 12, 99]), During).Graduated);
    }

    [Fact]
    public void A_required_quiz_must_be_passed()
    {
        var terms = Terms(quizzes: [Quiz1]);
        Assert.False(Graduation.Evaluate(terms, Facts(courses: [21]), During).Graduated); // a course id is not a quiz
        Assert.True(Graduation.Evaluate(terms, Facts(quizzes: [21]), During).Graduated);
    }

    [Fact]
    public void All_conditions_together_graduate_only_when_each_is_met()
    {
        var terms = Terms(sessions: 4, percent: 75, required: 8, elective: 2, courses: [Course1], quizzes: [Quiz1]);
        var all = Facts(attended: 3, required: 24, elective: 2, courses: [11], quizzes: [21]);
        Assert.True(Graduation.Evaluate(terms, all, During).Graduated);
        Assert.Equal(5, Graduation.Evaluate(terms, all, During).Checks.Count);

        GraduationFacts[] eachOneShort =
        [
            all with { Attended = 2 },
            all with { RequiredHours = 7.5m },
            all with { ElectiveHours = 1.5m },
            all with { CompletedCourses = new HashSet<int>() },
            all with { PassedQuizzes = new HashSet<int>() },
        ];
        foreach (var facts in eachOneShort)
        {
            var result = Graduation.Evaluate(terms, facts, During);
            Assert.False(result.Graduated);
            Assert.Single(result.Missing);
        }
    }

    [Fact]
    public void Not_met_is_in_progress_until_the_last_day_then_not_completed_while_met_graduates_even_after()
    {
        var terms = Terms(required: 8);
        Assert.Equal(ClassCompletion.InProgress, Graduation.Evaluate(terms, Facts(required: 4), End).Completion);
        Assert.Equal(ClassCompletion.NotCompleted, Graduation.Evaluate(terms, Facts(required: 4), End.AddDays(1)).Completion);
        Assert.Equal(ClassCompletion.Completed, Graduation.Evaluate(terms, Facts(required: 8), End.AddDays(1)).Completion);
        Assert.Equal(ClassCompletion.Completed, Graduation.Evaluate(terms, Facts(required: 8), Start).Completion);
    }

    [Fact]
    public void A_class_asking_nothing_graduates_nobody()
    {
        var result = Graduation.Evaluate(Terms(), Facts(attended: 3, required: 100), During);
        Assert.Empty(result.Checks);
        Assert.False(result.Graduated);
        Assert.Equal(ClassCompletion.NotCompleted, Graduation.Evaluate(Terms(), Facts(), End.AddDays(1)).Completion);
    }

    private static readonly OrgUnit City = OrgUnit.CreateCity("440100", "广州市");
    private static readonly OrgUnit Baiyun = OrgUnit.CreateChild(City, "440111", "白云区");
    private static readonly OrgUnit Liwan = OrgUnit.CreateChild(City, "440103", "荔湾区");
    private static readonly DateTime Now = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);

    private static TrainingClass NewClass() =>
        TrainingClass.Create(Baiyun, "专题培训班", Start, End, 30, null, ClassAudience.Any, 80, null, "区", Now);

    private static Course Published(OrgUnit owner, string title, int id, bool quiz = false)
    {
        var c = Course.Create(owner, title, CourseCategory.PartyBuilding, null, false);
        c.AddText("第一课", "内容", optional: false);
        if (quiz) c.AddQuiz("测验", QuizRules.Create(5, 60, null, null), optional: false);
        c.Publish();
        typeof(Course).GetProperty(nameof(Course.Id))!.SetValue(c, id);
        for (var i = 0; i < c.Lessons.Count; i++) typeof(Lesson).GetProperty(nameof(Lesson.Id))!.SetValue(c.Lessons[i], id * 10 + i);
        return c;
    }

    [Fact]
    public void A_class_requires_courses_and_quizzes_of_its_own_unit_or_above_published_and_hours_in_half_steps()
    {
        var c = NewClass();
        var city = Published(City, "城市课程", 1, quiz: true);
        var own = Published(Baiyun, "本区课程", 2);
        var version = c.Version;

        c.SetConditions(16, 4.5m, [city, own], [city.Lessons[1]]);
        Assert.Equal([1, 2], c.RequiredCourses.Select(r => r.CourseId).Order());
        Assert.Equal(11, Assert.Single(c.RequiredQuizzes).LessonId);
        Assert.Equal(16, c.RequiredHours);
        Assert.NotEqual(version, c.Version);

        c.SetConditions(null, null, [own], []);
        Assert.Equal(2, Assert.Single(c.RequiredCourses).CourseId);
        Assert.Empty(c.RequiredQuizzes);
        Assert.Null(c.RequiredHours);

        var other = Published(Liwan, "他区课程", 3);
        Assert.Throws<DomainException>(() => c.SetConditions(null, null, [other], []));
        var draft = Course.Create(Baiyun, "草稿", CourseCategory.PartyBuilding, null, false);
        Assert.Throws<DomainException>(() => c.SetConditions(null, null, [draft], []));
        Assert.Throws<DomainException>(() => c.SetConditions(null, null, [], [city.Lessons[0]])); // not a quiz
        Assert.Throws<DomainException>(() => c.SetConditions(0, null, [], []));
        Assert.Throws<DomainException>(() => c.SetConditions(2.3m, null, [], []));
        Assert.Throws<DomainException>(() => c.SetConditions(null, 1001, [], []));
        Assert.Equal(2, Assert.Single(c.RequiredCourses).CourseId); // a refused change changes nothing
    }
}
