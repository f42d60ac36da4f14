using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>跟班学习: only a reserve in the pool, at its own township's office, for at most two years, never overlapping; evaluated once begun.</summary>
public class ShadowingTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTime Now = new(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly PooledOn = Today.AddDays(-30);

    private static readonly OrgUnit City = OrgUnit.CreateCity("440100", "广州市");
    private static readonly OrgUnit District = OrgUnit.CreateChild(City, "440111", "白云区");
    private static readonly OrgUnit Township = OrgUnit.CreateChild(District, "440111103", "人和镇");
    private static readonly OrgUnit OtherTownship = OrgUnit.CreateChild(District, "440111104", "江高镇");
    private static readonly OrgUnit Village = OrgUnit.CreateChild(Township, "440111103201", "汉塘村委会", VillageKind.Village);

    private static ReserveCandidate Candidate(ReserveState upTo = ReserveState.InPool)
    {
        var person = Person.Register("440103199001011236", "陈志强", null, PoliticalStatus.PartyMember, Education.HighSchool, Village, Today, Now);
        var c = ReserveCandidate.Recommend(person, Village, ReserveTarget.TwoCommittee, "村", PooledOn.AddDays(-20), Now, []);
        if (upTo >= ReserveState.Selected) c.SelectByTownship("镇", null, PooledOn.AddDays(-10), Now);
        if (upTo >= ReserveState.InPool) c.PutInPool("区", null, PooledOn, Now);
        return c;
    }

    private static Shadowing Record(ReserveCandidate reserve, DateOnly start, DateOnly end, IEnumerable<Shadowing>? existing = null,
        OrgUnit? township = null, string? department = "党建办") =>
        Shadowing.Record(reserve, township ?? Township, department, start, end, "人和镇组织办", Now, existing ?? []);

    [Fact]
    public void Should_record_a_period_at_the_reserves_own_township()
    {
        var reserve = Candidate();

        var s = Record(reserve, Today, Today.AddMonths(3), department: "  党建办 ");

        Assert.Equal((Township, "党建办", Today, Today.AddMonths(3), "人和镇组织办"), (s.Township, s.Department, s.StartOn, s.EndOn, s.CreatedBy));
        Assert.Same(reserve, s.Reserve);
        Assert.Null(s.Rating);
        Assert.NotEqual(Guid.Empty, s.Version);
    }

    [Theory]
    [InlineData(ReserveState.Recommended)]
    [InlineData(ReserveState.Selected)]
    public void Should_refuse_a_reserve_not_yet_in_the_pool(ReserveState state)
    {
        var ex = Assert.Throws<DomainException>(() => Record(Candidate(state), Today, Today.AddMonths(1)));
        Assert.Contains("只有已入库的后备人选", ex.Message);
    }

    [Fact]
    public void Should_refuse_a_reserve_that_has_left_the_pool()
    {
        var reserve = Candidate();
        reserve.Exit(Today, "外出务工", "区", Now);

        Assert.Throws<DomainException>(() => Record(reserve, Today, Today.AddMonths(1)));
    }

    [Fact]
    public void Should_refuse_a_township_that_is_not_above_the_reserves_village()
    {
        var ex = Assert.Throws<DomainException>(() => Record(Candidate(), Today, Today.AddMonths(1), township: OtherTownship));
        Assert.Contains("不是江高镇的后备人选", ex.Message);
    }

    [Fact]
    public void Should_refuse_a_unit_that_is_not_a_township()
    {
        var ex = Assert.Throws<DomainException>(() => Record(Candidate(), Today, Today.AddMonths(1), township: District));
        Assert.Contains("应在镇（街）机关", ex.Message);
        Assert.Throws<DomainException>(() => Record(Candidate(), Today, Today.AddMonths(1), township: Village));
    }

    [Fact]
    public void Should_refuse_a_start_before_the_reserve_entered_the_pool()
    {
        var ex = Assert.Throws<DomainException>(() => Record(Candidate(), PooledOn.AddDays(-1), Today));
        Assert.Contains("不能早于入库日期", ex.Message);
        Assert.Equal(PooledOn, Record(Candidate(), PooledOn, Today).StartOn);
    }

    [Fact]
    public void Should_refuse_an_end_before_the_start_but_allow_a_single_day()
    {
        var ex = Assert.Throws<DomainException>(() => Record(Candidate(), Today, Today.AddDays(-1)));
        Assert.Contains("结束日期不能早于开始日期", ex.Message);
        Assert.Equal(Today, Record(Candidate(), Today, Today).EndOn);
    }

    [Fact]
    public void Should_refuse_a_period_longer_than_two_years()
    {
        var ex = Assert.Throws<DomainException>(() => Record(Candidate(), Today, Today.AddYears(2).AddDays(1)));
        Assert.Contains("不能超过 2 年", ex.Message);
        Assert.Equal(Today.AddYears(2), Record(Candidate(), Today, Today.AddYears(2)).EndOn);
    }

    [Theory]
    [InlineData(0, 0)]     // the same period
    [InlineData(-10, 0)]   // ends on the first day of the other
    [InlineData(30, 40)]   // starts on the other's last day
    [InlineData(5, 10)]    // inside
    [InlineData(-10, 60)]  // around
    public void Should_refuse_a_period_overlapping_another_of_the_same_reserve(int startOffset, int endOffset)
    {
        var reserve = Candidate();
        var first = Record(reserve, Today, Today.AddDays(30));

        var ex = Assert.Throws<DomainException>(() => Record(reserve, Today.AddDays(startOffset), Today.AddDays(endOffset), [first]));
        Assert.Contains("不能重叠", ex.Message);
    }

    [Fact]
    public void Should_not_take_another_reserves_period_for_an_overlap_even_before_either_is_saved()
    {
        var first = Record(Candidate(), Today, Today.AddDays(30));

        var second = Record(Candidate(), Today, Today.AddDays(30), [first]);

        Assert.Equal(Today, second.StartOn);
    }

    [Fact]
    public void Should_allow_a_period_right_after_another()
    {
        var reserve = Candidate();
        var first = Record(reserve, Today, Today.AddDays(30));

        var second = Record(reserve, Today.AddDays(31), Today.AddDays(60), [first]);

        Assert.Equal(Today.AddDays(31), second.StartOn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Should_require_a_department(string? department)
    {
        var ex = Assert.Throws<DomainException>(() => Record(Candidate(), Today, Today, department: department));
        Assert.Contains("请填写跟班科室（部门）", ex.Message);
    }

    [Fact]
    public void Should_refuse_a_department_name_that_is_too_long()
    {
        Assert.Throws<DomainException>(() => Record(Candidate(), Today, Today, department: new string('科', Shadowing.MaxDepartment + 1)));
    }

    [Fact]
    public void Should_refuse_an_evaluation_before_the_period_begins()
    {
        var s = Record(Candidate(), Today.AddDays(1), Today.AddDays(30));

        var ex = Assert.Throws<DomainException>(() => s.Evaluate(Rating.Good, "表现良好", "镇", Now, Today));
        Assert.Contains("开始前不能评价", ex.Message);
        Assert.Null(s.Rating);
    }

    [Fact]
    public void Should_evaluate_from_the_first_day_and_let_a_later_evaluation_replace_it()
    {
        var s = Record(Candidate(), Today, Today.AddDays(30));
        var recorded = s.Version;

        s.Evaluate(Rating.Good, " 表现良好 ", "镇甲", Now, Today);
        var first = s.Version;
        s.Evaluate(Rating.Excellent, "工作突出", "镇乙", Now.AddDays(40), Today.AddDays(40));

        Assert.Equal((Rating.Excellent, "工作突出", "镇乙", Now.AddDays(40)), (s.Rating, s.Evaluation, s.EvaluatedBy, s.EvaluatedAt));
        Assert.NotEqual(recorded, first);
        Assert.NotEqual(first, s.Version);
    }

    [Fact]
    public void Should_require_a_defined_rating_and_a_text()
    {
        var s = Record(Candidate(), Today, Today.AddDays(30));

        Assert.Contains("请选择评价等次", Assert.Throws<DomainException>(() => s.Evaluate((Rating)0, "表现良好", "镇", Now, Today)).Message);
        Assert.Contains("请填写评价内容", Assert.Throws<DomainException>(() => s.Evaluate(Rating.Good, " ", "镇", Now, Today)).Message);
        Assert.Null(s.Rating);
    }
}
