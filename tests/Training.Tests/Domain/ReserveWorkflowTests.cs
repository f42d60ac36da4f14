using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>村推 → 镇选 → 区考察 → 任用/退出 (PRODUCT.md §6): every legal step recorded, every illegal one refused in Chinese.</summary>
public class ReserveWorkflowTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTime Now = new(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);

    private static readonly OrgUnit City = OrgUnit.CreateCity("440100", "广州市");
    private static readonly OrgUnit District = OrgUnit.CreateChild(City, "440111", "白云区");
    private static readonly OrgUnit Township = OrgUnit.CreateChild(District, "440111103", "人和镇");
    private static readonly OrgUnit Village = OrgUnit.CreateChild(Township, "440111103201", "汉塘村委会", VillageKind.Village);
    private static readonly OrgUnit OtherVillage = OrgUnit.CreateChild(Township, "440111103202", "鹤亭村委会", VillageKind.Village);

    private static Person NewPerson(OrgUnit? village = null) =>
        Person.Register("440103199001011236", "陈志强", null, PoliticalStatus.PartyMember, Education.HighSchool, village ?? Village, Today, Now);

    private static ReserveCandidate Recommended(ReserveTarget target = ReserveTarget.Secretary) =>
        ReserveCandidate.Recommend(NewPerson(), Village, target, "村", Today.AddDays(-10), Now, [], "群众基础好");

    private static ReserveCandidate Selected()
    {
        var c = Recommended();
        c.SelectByTownship("镇", "同意", Today.AddDays(-5), Now.AddMinutes(1));
        return c;
    }

    private static ReserveCandidate Pooled()
    {
        var c = Selected();
        c.PutInPool("区", "考察合格", Today.AddDays(-1), Now.AddMinutes(2));
        return c;
    }

    [Fact]
    public void Should_recommend_a_person_of_the_village_recording_the_first_step()
    {
        var c = Recommended();

        Assert.Equal(ReserveState.Recommended, c.State);
        Assert.Equal(Today.AddDays(-10), c.RecommendedOn);
        Assert.Null(c.InPoolOn);
        Assert.NotEqual(Guid.Empty, c.Version);
        var t = Assert.Single(c.Transitions);
        Assert.Equal((ReserveAction.Recommend, (ReserveState?)null, ReserveState.Recommended, "村", "群众基础好"), (t.Action, t.From, t.To, t.Actor, t.Comment));
    }

    [Fact]
    public void Should_refuse_to_recommend_a_person_of_another_village()
    {
        var ex = Assert.Throws<DomainException>(() =>
            ReserveCandidate.Recommend(NewPerson(OtherVillage), Village, ReserveTarget.Secretary, "村", Today, Now, []));
        Assert.Contains("不属于汉塘村委会", ex.Message);
    }

    [Fact]
    public void Should_refuse_a_recommendation_by_a_unit_that_is_not_a_village()
    {
        var ex = Assert.Throws<DomainException>(() =>
            ReserveCandidate.Recommend(NewPerson(), Township, ReserveTarget.Secretary, "镇", Today, Now, []));
        Assert.Contains("村（社区）推荐", ex.Message);
    }

    [Theory]
    [InlineData(ReserveState.Recommended, true)]
    [InlineData(ReserveState.Selected, true)]
    [InlineData(ReserveState.InPool, true)]
    [InlineData(ReserveState.Appointed, false)]
    [InlineData(ReserveState.Exited, false)]
    [InlineData(ReserveState.Declined, false)]
    public void Should_refuse_a_second_open_candidacy_for_the_same_target_only(ReserveState existingState, bool refused)
    {
        var person = NewPerson();
        var existing = ReserveCandidate.Recommend(person, Village, ReserveTarget.Secretary, "村", Today.AddDays(-30), Now, []);
        switch (existingState)
        {
            case ReserveState.Selected: existing.SelectByTownship("镇", null, Today, Now); break;
            case ReserveState.InPool: existing.SelectByTownship("镇", null, Today, Now); existing.PutInPool("区", null, Today, Now); break;
            case ReserveState.Appointed: existing.SelectByTownship("镇", null, Today, Now); existing.PutInPool("区", null, Today, Now); existing.Appoint(Today, "区", null, Now); break;
            case ReserveState.Exited: existing.Exit(Today, "本人申请", "区", Now); break;
            case ReserveState.Declined: existing.DeclineByTownship("镇", "年龄偏大", Today, Now); break;
        }
        Assert.Equal(existingState, existing.State);

        var again = () => ReserveCandidate.Recommend(person, Village, ReserveTarget.Secretary, "村", Today, Now, [existing]);
        if (refused) Assert.Contains("不能重复推荐", Assert.Throws<DomainException>(again).Message);
        else Assert.Equal(ReserveState.Recommended, again().State);
        // another target is always possible
        Assert.Equal(ReserveTarget.TwoCommittee,
            ReserveCandidate.Recommend(person, Village, ReserveTarget.TwoCommittee, "村", Today, Now, [existing]).Target);
    }

    [Fact]
    public void Should_select_then_put_into_the_pool_on_the_day_with_a_new_version_each_step()
    {
        var c = Recommended();
        var v0 = c.Version;
        c.SelectByTownship("镇", "同意", Today.AddDays(-5), Now.AddMinutes(1));
        var v1 = c.Version;
        c.PutInPool("区", "考察合格", Today.AddDays(-1), Now.AddMinutes(2));

        Assert.Equal(ReserveState.InPool, c.State);
        Assert.Equal(Today.AddDays(-1), c.InPoolOn);
        Assert.True(c.IsInPoolOn(Today));
        Assert.False(c.IsInPoolOn(Today.AddDays(-2)));
        Assert.Equal(3, new[] { v0, v1, c.Version }.Distinct().Count());
        Assert.Collection(c.Transitions,
            t => Assert.Equal(ReserveAction.Recommend, t.Action),
            t => Assert.Equal((ReserveAction.SelectByTownship, (ReserveState?)ReserveState.Recommended, ReserveState.Selected, "镇", "同意"), (t.Action, t.From, t.To, t.Actor, t.Comment)),
            t => Assert.Equal((ReserveAction.PutInPool, (ReserveState?)ReserveState.Selected, ReserveState.InPool, "区", "考察合格"), (t.Action, t.From, t.To, t.Actor, t.Comment)));
    }

    [Fact]
    public void Should_decline_at_the_township_with_the_reason()
    {
        var c = Recommended();
        c.DeclineByTownship("镇", "  群众评议不足 ", Today, Now);

        Assert.Equal(ReserveState.Declined, c.State);
        Assert.Equal("群众评议不足", c.Reason);
        var t = c.Transitions[^1];
        Assert.Equal((ReserveAction.DeclineByTownship, ReserveState.Declined, "群众评议不足"), (t.Action, t.To, t.Comment));
    }

    [Fact]
    public void Should_decline_at_the_district_with_the_reason()
    {
        var c = Selected();
        c.DeclineByDistrict("区", "考察不合格", Today, Now);

        Assert.Equal(ReserveState.Declined, c.State);
        Assert.Null(c.InPoolOn);
        Assert.Equal((ReserveAction.DeclineByDistrict, (ReserveState?)ReserveState.Selected), (c.Transitions[^1].Action, c.Transitions[^1].From));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Should_refuse_a_decline_or_exit_without_a_reason(string reason)
    {
        Assert.Contains("原因", Assert.Throws<DomainException>(() => Recommended().DeclineByTownship("镇", reason, Today, Now)).Message);
        Assert.Contains("原因", Assert.Throws<DomainException>(() => Selected().DeclineByDistrict("区", reason, Today, Now)).Message);
        Assert.Contains("原因", Assert.Throws<DomainException>(() => Pooled().Exit(Today, reason, "区", Now)).Message);
    }

    [Fact]
    public void Should_appoint_a_pooled_reserve_leaving_the_pool_that_day()
    {
        var c = Pooled();
        c.Appoint(Today, "区", "任村党组织书记", Now.AddMinutes(3));

        Assert.Equal(ReserveState.Appointed, c.State);
        Assert.Equal(Today, c.LeftPoolOn);
        Assert.False(c.IsInPoolOn(Today));
        Assert.Equal((ReserveAction.Appoint, (ReserveState?)ReserveState.InPool, ReserveState.Appointed, "任村党组织书记"),
            (c.Transitions[^1].Action, c.Transitions[^1].From, c.Transitions[^1].To, c.Transitions[^1].Comment));
    }

    [Fact]
    public void Should_exit_a_pooled_reserve_with_the_reason()
    {
        var c = Pooled();
        c.Exit(Today, "外出务工", "区", Now.AddMinutes(3));

        Assert.Equal(ReserveState.Exited, c.State);
        Assert.Equal(Today, c.LeftPoolOn);
        Assert.Equal("外出务工", c.Reason);
        Assert.Equal((ReserveAction.Exit, ReserveState.Exited, "外出务工"), (c.Transitions[^1].Action, c.Transitions[^1].To, c.Transitions[^1].Comment));
    }

    [Fact]
    public void Should_appoint_to_a_post_recording_it_on_the_person_from_that_day()
    {
        var c = Pooled();
        var post = c.AppointTo(PostType.PartySecretary, "区", "换届选举", Today, Now.AddMinutes(3));

        Assert.Equal(ReserveState.Appointed, c.State);
        Assert.Equal(Today, c.LeftPoolOn);
        Assert.Same(post, Assert.Single(c.Person.Posts));
        Assert.Equal((PostType.PartySecretary, Today, (DateOnly?)null), (post.Type, post.StartDate, post.EndDate));
        Assert.Equal("任汉塘村委会党组织书记。换届选举", c.Transitions[^1].Comment);
    }

    [Fact]
    public void Should_refuse_to_appoint_to_a_post_the_person_already_holds_and_stay_in_the_pool()
    {
        var c = Pooled();
        c.Person.AddPost(Village, PostType.CommitteeMember, Today.AddYears(-1));

        var ex = Assert.Throws<DomainException>(() => c.AppointTo(PostType.CommitteeMember, "区", null, Today, Now));

        Assert.Contains("不能重复任职", ex.Message);
        Assert.Equal(ReserveState.InPool, c.State);
        Assert.Null(c.LeftPoolOn);
    }

    public static readonly TheoryData<string, string> IllegalSteps = new()
    {
        { "Recommended", "PutInPool" }, { "Recommended", "DeclineByDistrict" }, { "Recommended", "Appoint" },
        { "Selected", "Select" }, { "Selected", "DeclineByTownship" }, { "Selected", "Appoint" },
        { "InPool", "Select" }, { "InPool", "DeclineByTownship" }, { "InPool", "PutInPool" }, { "InPool", "DeclineByDistrict" },
        { "Appointed", "Select" }, { "Appointed", "PutInPool" }, { "Appointed", "Appoint" }, { "Appointed", "Exit" },
        { "Exited", "Select" }, { "Exited", "PutInPool" }, { "Exited", "Appoint" }, { "Exited", "Exit" },
        { "Declined", "Select" }, { "Declined", "PutInPool" }, { "Declined", "DeclineByTownship" }, { "Declined", "Appoint" }, { "Declined", "Exit" },
    };

    [Theory]
    [MemberData(nameof(IllegalSteps))]
    public void Should_refuse_a_step_from_the_wrong_state_without_changing_anything(string state, string step)
    {
        var c = state switch
        {
            "Recommended" => Recommended(),
            "Selected" => Selected(),
            "InPool" => Pooled(),
            "Appointed" => Act(Pooled(), x => x.Appoint(Today, "区", null, Now)),
            "Exited" => Act(Pooled(), x => x.Exit(Today, "调离", "区", Now)),
            _ => Act(Recommended(), x => x.DeclineByTownship("镇", "不同意", Today, Now)),
        };
        var (before, version, steps) = (c.State, c.Version, c.Transitions.Count);

        Action act = step switch
        {
            "Select" => () => c.SelectByTownship("镇", null, Today, Now),
            "DeclineByTownship" => () => c.DeclineByTownship("镇", "理由", Today, Now),
            "PutInPool" => () => c.PutInPool("区", null, Today, Now),
            "DeclineByDistrict" => () => c.DeclineByDistrict("区", "理由", Today, Now),
            "Appoint" => () => c.Appoint(Today, "区", null, Now),
            _ => () => c.Exit(Today, "理由", "区", Now),
        };

        var ex = Assert.Throws<DomainException>(act);
        Assert.Contains("当前状态为", ex.Message);
        Assert.Equal((before, version, steps), (c.State, c.Version, c.Transitions.Count));
    }

    [Fact]
    public void Should_refuse_to_put_into_the_pool_before_the_recommendation_day()
    {
        var c = Recommended();
        c.SelectByTownship("镇", null, Today, Now);
        Assert.Contains("入库日期不能早于推荐日期", Assert.Throws<DomainException>(() => c.PutInPool("区", null, Today.AddDays(-11), Now)).Message);
    }

    [Fact]
    public void Should_offer_no_public_step_that_leaves_no_timeline_entry()
    {
        // Every public verb that moves a candidacy names who acted, and so records the step;
        // the import (ApplyImport) and the factories of history are the documented exceptions.
        var verbs = typeof(ReserveCandidate).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.ReturnType != typeof(bool) && m.Name != nameof(ReserveCandidate.ApplyImport))
            .ToList();

        Assert.Contains(verbs, m => m.Name == nameof(ReserveCandidate.Appoint));
        Assert.All(verbs, m => Assert.True(m.GetParameters().Any(p => p.Name == "actor"), $"{m} changes the state without recording who did it"));
    }

    [Theory]
    [InlineData(ReserveState.Appointed)]
    [InlineData(ReserveState.Exited)]
    public void Should_create_a_reserve_that_left_the_pool_before_the_portal(ReserveState leftAs)
    {
        var c = ReserveCandidate.HistoricalLeft(NewPerson(), ReserveTarget.TwoCommittee, Today.AddYears(-1), leftAs, Today, "调离");

        Assert.Equal((leftAs, Today), (c.State, c.LeftPoolOn!.Value));
        Assert.False(c.IsInPoolOn(Today));
        Assert.True(c.IsInPoolOn(Today.AddDays(-1)));
    }

    private static ReserveCandidate Act(ReserveCandidate c, Action<ReserveCandidate> step)
    {
        step(c);
        return c;
    }
}
