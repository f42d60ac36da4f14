using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>结对帮带 (PRODUCT.md §6): who may be paired, evaluations, ending early, and the 90-day overdue rule in memory and as a query.</summary>
public class MentorPairTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTime Now = new(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);

    private static readonly OrgUnit City = OrgUnit.CreateCity("440100", "广州市");
    private static readonly OrgUnit District = OrgUnit.CreateChild(City, "440111", "白云区");
    private static readonly OrgUnit Township = OrgUnit.CreateChild(District, "440111103", "人和镇");
    private static readonly OrgUnit Village = OrgUnit.CreateChild(Township, "440111103201", "汉塘村委会", VillageKind.Village);

    private static string IdNumber(string first17) => first17 + ResidentId.CheckCharacter(first17);

    private static Person NewPerson(string name, string first17) =>
        Person.Register(IdNumber(first17), name, null, PoliticalStatus.PartyMember, Education.HighSchool, Village, Today, Now);

    private static ReserveCandidate Pooled(DateOnly? inPoolOn = null) =>
        ReserveCandidate.HistoricalInPool(NewPerson("陈志强", "44010319900101123"), ReserveTarget.TwoCommittee, inPoolOn ?? Today.AddYears(-2));

    /// <summary>村党组织书记 since <paramref name="since"/> (until <paramref name="until"/>, null: still serving).</summary>
    private static Person Cadre(DateOnly? since = null, DateOnly? until = null)
    {
        var p = NewPerson("李建国", "44011119700315002");
        p.AddPost(Village, PostType.PartySecretary, since ?? Today.AddYears(-5), until);
        return p;
    }

    private static MentorPair Start(DateOnly startOn, DateOnly? endOn = null, ReserveCandidate? reserve = null,
        Person? mentor = null, IEnumerable<MentorPair>? existing = null, string? goals = "熟悉村务，能独立主持村民议事") =>
        MentorPair.Start(reserve ?? Pooled(), mentor ?? Cadre(), startOn, endOn ?? startOn.AddYears(1), goals, "镇", Now, existing ?? []);

    // ---------------------------------------------------------------- Start

    [Fact]
    public void Should_pair_a_pooled_reserve_with_a_serving_cadre()
    {
        var reserve = Pooled();
        var mentor = Cadre();

        var pair = MentorPair.Start(reserve, mentor, Today, Today.AddYears(1), "  熟悉村务  ", "镇（township）", Now, []);

        Assert.Same(reserve, pair.Reserve);
        Assert.Same(mentor, pair.Mentor);
        Assert.Equal((Today, Today.AddYears(1), "熟悉村务", "镇（township）", Now), (pair.StartOn, pair.EndOn, pair.Goals, pair.CreatedBy, pair.CreatedAt));
        Assert.Null(pair.EndReason);
        Assert.Null(pair.LastEvaluatedOn);
        Assert.NotEqual(Guid.Empty, pair.Version);
        Assert.Empty(pair.Evaluations);
    }

    [Fact]
    public void Should_refuse_a_reserve_that_is_not_in_the_pool()
    {
        var person = NewPerson("陈志强", "44010319900101123");
        var recommended = ReserveCandidate.Recommend(person, Village, ReserveTarget.TwoCommittee, "村", Today, Now, []);

        var ex = Assert.Throws<DomainException>(() => Start(Today, reserve: recommended));
        Assert.Contains("只有已入库的后备人选", ex.Message);
    }

    [Fact]
    public void Should_refuse_to_start_before_the_reserve_entered_the_pool()
    {
        var ex = Assert.Throws<DomainException>(() => Start(Today.AddDays(-11), reserve: Pooled(Today.AddDays(-10))));
        Assert.Contains("不能早于入库日期", ex.Message);
    }

    [Fact]
    public void Should_start_on_the_day_the_reserve_entered_the_pool()
    {
        var pair = Start(Today.AddDays(-10), reserve: Pooled(Today.AddDays(-10)));
        Assert.Equal(Today.AddDays(-10), pair.StartOn);
    }

    [Fact]
    public void Should_refuse_the_reserve_as_their_own_mentor()
    {
        var reserve = Pooled();
        reserve.Person.AddPost(Village, PostType.CommitteeMember, Today.AddYears(-1));

        var ex = Assert.Throws<DomainException>(() => Start(Today, reserve: reserve, mentor: reserve.Person));
        Assert.Contains("不能是后备人选本人", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Should_refuse_an_end_not_after_the_start(int days)
    {
        var ex = Assert.Throws<DomainException>(() => Start(Today, Today.AddDays(days)));
        Assert.Contains("结束日期应晚于开始日期", ex.Message);
    }

    [Fact]
    public void Should_allow_five_years_and_refuse_one_day_more()
    {
        Assert.Equal(Today.AddYears(5), Start(Today, Today.AddYears(5)).EndOn);
        var ex = Assert.Throws<DomainException>(() => Start(Today, Today.AddYears(5).AddDays(1)));
        Assert.Contains("不能超过 5 年", ex.Message);
    }

    [Fact]
    public void Should_refuse_a_mentor_who_holds_no_post()
    {
        var ex = Assert.Throws<DomainException>(() => Start(Today, mentor: NewPerson("王普通", "44011119700315002")));
        Assert.Contains("不是在职的村（社区）两委干部", ex.Message);
    }

    [Fact]
    public void Should_judge_the_mentors_post_on_the_first_day()
    {
        // Left office yesterday: not a cadre today; took office tomorrow: not yet.
        Assert.Throws<DomainException>(() => Start(Today, mentor: Cadre(Today.AddYears(-3), Today.AddDays(-1))));
        Assert.Throws<DomainException>(() => Start(Today, mentor: Cadre(Today.AddDays(1))));
        Assert.Equal(Today, Start(Today, mentor: Cadre(Today)).StartOn);
        Assert.Equal(Today, Start(Today, mentor: Cadre(Today.AddYears(-3), Today)).StartOn);
    }

    [Fact]
    public void Should_refuse_a_second_pairing_in_an_overlapping_period()
    {
        var reserve = Pooled();
        var first = Start(Today, Today.AddDays(100), reserve);

        var ex = Assert.Throws<DomainException>(() => Start(Today.AddDays(100), Today.AddDays(200), reserve, existing: [first]));
        Assert.Contains("已有帮带人，不能重复结对", ex.Message);
        Assert.Throws<DomainException>(() => Start(Today.AddDays(-50), Today, reserve, existing: [first]));
    }

    [Fact]
    public void Should_not_take_another_reserves_pairing_for_an_overlap_even_before_either_is_saved()
    {
        var first = Start(Today, Today.AddDays(100), Pooled());

        var second = Start(Today, Today.AddDays(100), Pooled(), existing: [first]);

        Assert.Equal(Today, second.StartOn);
    }

    [Fact]
    public void Should_pair_again_after_the_previous_pairing_ended()
    {
        var reserve = Pooled();
        var first = Start(Today.AddDays(-200), Today.AddDays(-1), reserve);

        var second = Start(Today, Today.AddYears(1), reserve, existing: [first]);

        Assert.Equal(Today, second.StartOn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Should_refuse_a_pairing_without_goals(string? goals)
    {
        var ex = Assert.Throws<DomainException>(() => Start(Today, goals: goals));
        Assert.Contains("请填写帮带目标", ex.Message);
    }

    [Fact]
    public void Should_refuse_goals_over_a_thousand_characters()
    {
        Assert.Equal(1000, Start(Today, goals: new string('目', 1000)).Goals.Length);
        var ex = Assert.Throws<DomainException>(() => Start(Today, goals: new string('目', 1001)));
        Assert.Contains("不能超过1000字", ex.Message);
    }

    // ---------------------------------------------------------------- Evaluate

    [Fact]
    public void Should_record_an_evaluation_and_move_the_version()
    {
        var pair = Start(Today.AddDays(-30));
        var before = pair.Version;

        var e = pair.Evaluate(Today.AddDays(-2), Rating.Good, "  进步明显  ", "镇", Now, Today);

        Assert.Equal((Today.AddDays(-2), Rating.Good, "进步明显", "镇", Now), (e.On, e.Rating, e.Text, e.Actor, e.At));
        Assert.Same(e, Assert.Single(pair.Evaluations));
        Assert.Equal(Today.AddDays(-2), pair.LastEvaluatedOn);
        Assert.NotEqual(before, pair.Version);
    }

    [Fact]
    public void Should_keep_the_latest_day_when_an_older_evaluation_is_recorded_later()
    {
        var pair = Start(Today.AddDays(-100));
        pair.Evaluate(Today.AddDays(-5), Rating.Good, "近期", "镇", Now, Today);

        pair.Evaluate(Today.AddDays(-60), Rating.Adequate, "补录", "镇", Now, Today);

        Assert.Equal(Today.AddDays(-5), pair.LastEvaluatedOn);
        Assert.Equal(2, pair.Evaluations.Count);
    }

    [Fact]
    public void Should_refuse_an_evaluation_before_the_start()
    {
        var pair = Start(Today.AddDays(-10));
        var ex = Assert.Throws<DomainException>(() => pair.Evaluate(Today.AddDays(-11), Rating.Good, "评价", "镇", Now, Today));
        Assert.Contains("不能早于帮带开始日期", ex.Message);
        Assert.Equal(Today.AddDays(-10), pair.Evaluate(Today.AddDays(-10), Rating.Good, "首日", "镇", Now, Today).On);
    }

    [Fact]
    public void Should_refuse_an_evaluation_dated_after_today()
    {
        var pair = Start(Today.AddDays(-10));
        var ex = Assert.Throws<DomainException>(() => pair.Evaluate(Today.AddDays(1), Rating.Good, "评价", "镇", Now, Today));
        Assert.Contains("不能晚于今天", ex.Message);
        Assert.Empty(pair.Evaluations);
    }

    [Fact]
    public void Should_refuse_an_evaluation_after_the_pairing_ended()
    {
        var pair = Start(Today.AddDays(-100), Today.AddDays(-10));
        var ex = Assert.Throws<DomainException>(() => pair.Evaluate(Today.AddDays(-9), Rating.Good, "评价", "镇", Now, Today));
        Assert.Contains("评价日期不能晚于结束日期", ex.Message);
        Assert.Equal(Today.AddDays(-10), pair.Evaluate(Today.AddDays(-10), Rating.Good, "结束时评价", "镇", Now, Today).On);
    }

    [Fact]
    public void Should_refuse_a_rating_that_does_not_exist()
    {
        var pair = Start(Today.AddDays(-10));
        var ex = Assert.Throws<DomainException>(() => pair.Evaluate(Today, (Rating)9, "评价", "镇", Now, Today));
        Assert.Contains("请选择评价等次", ex.Message);
        Assert.Null(pair.LastEvaluatedOn);
    }

    [Fact]
    public void Should_refuse_an_evaluation_without_text()
    {
        var pair = Start(Today.AddDays(-10));
        var ex = Assert.Throws<DomainException>(() => pair.Evaluate(Today, Rating.Poor, " ", "镇", Now, Today));
        Assert.Contains("请填写评价内容", ex.Message);
        Assert.Null(pair.LastEvaluatedOn);
    }

    // ---------------------------------------------------------------- End

    [Fact]
    public void Should_end_early_with_a_reason_and_move_the_version()
    {
        var pair = Start(Today.AddDays(-30));
        var before = pair.Version;

        pair.End(Today, " 已任村委委员 ", Today);

        Assert.Equal((Today, "已任村委委员"), (pair.EndOn, pair.EndReason));
        Assert.NotEqual(before, pair.Version);
        Assert.False(pair.IsActiveOn(Today.AddDays(1)));
    }

    [Fact]
    public void Should_refuse_an_end_dated_after_today()
    {
        var pair = Start(Today.AddDays(-30));
        var ex = Assert.Throws<DomainException>(() => pair.End(Today.AddDays(1), "原因", Today));
        Assert.Contains("结束日期不能晚于今天", ex.Message);
    }

    [Fact]
    public void Should_refuse_an_end_before_the_start()
    {
        var pair = Start(Today.AddDays(-30));
        var ex = Assert.Throws<DomainException>(() => pair.End(Today.AddDays(-31), "原因", Today));
        Assert.Contains("不能早于帮带开始日期", ex.Message);
        pair.End(Today.AddDays(-30), "开始当天即结束", Today);
        Assert.Equal(Today.AddDays(-30), pair.EndOn);
    }

    [Fact]
    public void Should_refuse_an_early_end_on_or_after_the_planned_last_day()
    {
        var pair = Start(Today.AddDays(-30), Today);
        var ex = Assert.Throws<DomainException>(() => pair.End(Today, "原因", Today));
        Assert.Contains("提前结束的日期应早于该日", ex.Message);
    }

    [Fact]
    public void Should_refuse_an_end_before_the_latest_evaluation()
    {
        var pair = Start(Today.AddDays(-30));
        pair.Evaluate(Today.AddDays(-5), Rating.Good, "评价", "镇", Now, Today);

        var ex = Assert.Throws<DomainException>(() => pair.End(Today.AddDays(-6), "原因", Today));
        Assert.Contains("已有 " + Today.AddDays(-5).ToString("yyyy-MM-dd") + " 的评价", ex.Message);
        pair.End(Today.AddDays(-5), "评价当天结束", Today);
    }

    [Fact]
    public void Should_refuse_an_end_without_a_reason()
    {
        var pair = Start(Today.AddDays(-30));
        var ex = Assert.Throws<DomainException>(() => pair.End(Today, "", Today));
        Assert.Contains("请填写提前结束的原因", ex.Message);
        Assert.Null(pair.EndReason);
        Assert.Equal(Today.AddDays(-30).AddYears(1), pair.EndOn);
    }

    [Fact]
    public void Should_refuse_to_end_a_pairing_that_was_already_ended_early()
    {
        var pair = Start(Today.AddDays(-30));
        pair.End(Today.AddDays(-1), "外出务工", Today);

        var ex = Assert.Throws<DomainException>(() => pair.End(Today.AddDays(-5), "另一个原因", Today));

        Assert.Contains("已于", ex.Message);
        Assert.Equal((Today.AddDays(-1), "外出务工"), (pair.EndOn, pair.EndReason));
    }

    [Fact]
    public void Should_refuse_to_end_early_a_pairing_that_already_ran_its_course()
    {
        var pair = Start(Today.AddDays(-300), Today.AddDays(-10));

        var ex = Assert.Throws<DomainException>(() => pair.End(Today.AddDays(-20), "补录", Today));

        Assert.Contains("不能再提前结束", ex.Message);
        Assert.Equal(Today.AddDays(-10), pair.EndOn);
    }

    // ---------------------------------------------------------------- overdue

    [Fact]
    public void Should_be_overdue_exactly_ninety_days_after_the_start_without_an_evaluation()
    {
        Assert.True(Start(Today.AddDays(-90)).IsOverdueOn(Today));
        Assert.False(Start(Today.AddDays(-89)).IsOverdueOn(Today));
    }

    [Fact]
    public void Should_be_overdue_exactly_ninety_days_after_the_latest_evaluation()
    {
        var at90 = Start(Today.AddDays(-200));
        at90.Evaluate(Today.AddDays(-90), Rating.Good, "评价", "镇", Now, Today);
        var at89 = Start(Today.AddDays(-200));
        at89.Evaluate(Today.AddDays(-89), Rating.Good, "评价", "镇", Now, Today);

        Assert.True(at90.IsOverdueOn(Today));
        Assert.False(at89.IsOverdueOn(Today));
    }

    [Fact]
    public void Should_not_be_overdue_within_ninety_days_of_the_start_without_any_evaluation()
    {
        var pair = Start(Today.AddDays(-60));
        Assert.Null(pair.LastEvaluatedOn);
        Assert.False(pair.IsOverdueOn(Today));
    }

    [Fact]
    public void Should_never_list_an_ended_or_future_pairing_as_overdue()
    {
        var ranItsCourse = Start(Today.AddDays(-400), Today.AddDays(-1));
        var endedEarly = Start(Today.AddDays(-300));
        endedEarly.End(Today.AddDays(-200), "外出", Today.AddDays(-200));
        var future = Start(Today.AddDays(10));

        Assert.False(ranItsCourse.IsOverdueOn(Today));
        Assert.False(endedEarly.IsOverdueOn(Today));
        Assert.False(future.IsOverdueOn(Today));
        // Still running on its last day.
        Assert.True(Start(Today.AddDays(-400), Today).IsOverdueOn(Today));
    }

    [Fact]
    public void Should_agree_between_the_query_expression_and_the_in_memory_rule()
    {
        var pairs = new List<MentorPair>();
        foreach (var startAgo in new[] { 0, 1, 60, 89, 90, 91, 200, 400 })
        {
            pairs.Add(Start(Today.AddDays(-startAgo)));
            pairs.Add(Start(Today.AddDays(-startAgo), Today.AddDays(-startAgo + 100)));
            foreach (var evaluatedAgo in new[] { 0, 10, 89, 90, 91, 150 }.Where(d => d <= startAgo))
            {
                var p = Start(Today.AddDays(-startAgo), Today.AddDays(100));
                p.Evaluate(Today.AddDays(-evaluatedAgo), Rating.Good, "评价", "镇", Now, Today);
                pairs.Add(p);
            }
        }
        var ended = Start(Today.AddDays(-300));
        ended.End(Today.AddDays(-100), "外出", Today.AddDays(-100));
        pairs.Add(ended);
        pairs.Add(Start(Today.AddDays(5)));

        var query = MentorPair.OverdueOn(Today).Compile();
        var active = MentorPair.ActiveOn(Today).Compile();

        Assert.All(pairs, p => Assert.Equal(p.IsOverdueOn(Today), query(p)));
        Assert.All(pairs, p => Assert.Equal(p.IsActiveOn(Today), active(p)));
        Assert.Contains(pairs, p => query(p));
        Assert.Contains(pairs, p => !query(p));
    }
}
