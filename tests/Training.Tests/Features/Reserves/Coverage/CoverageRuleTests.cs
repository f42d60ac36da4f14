using Training.Web.Features.Reserves.Coverage;

namespace Training.Tests.Features.Reserves.Coverage;

/// <summary>The 1:2 rule of PRODUCT.md §6 as arithmetic: coverage, meeting the rule, what is lacking.</summary>
public class CoverageRuleTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 3, 1)]
    public void Zero_key_posts_show_a_dash_and_require_nothing(int keyPosts, int secretary, int other)
    {
        var rule = new CoverageRule(keyPosts, secretary, other);

        Assert.Equal("—", rule.Coverage.ToString());
        Assert.Null(rule.Coverage.Value);
        Assert.True(rule.Meets);
        Assert.Equal("", rule.Lacking);
    }

    [Fact]
    public void Exactly_two_secretary_reserves_for_the_one_default_key_post_meet_the_rule()
    {
        var rule = new CoverageRule(1, 2, 0);

        Assert.True(rule.Meets);
        Assert.Equal("100.0%", rule.Coverage.ToString());
        Assert.Equal("", rule.Lacking);
    }

    [Fact]
    public void Exactly_twice_the_key_posts_with_two_secretary_reserves_meet_the_rule()
    {
        var rule = new CoverageRule(3, 2, 4);

        Assert.True(rule.Meets);
        Assert.Equal(1m, rule.Coverage.Value);
    }

    [Fact]
    public void One_reserve_short_of_twice_the_key_posts_does_not_meet_the_rule()
    {
        var rule = new CoverageRule(3, 2, 3);

        Assert.False(rule.Meets);
        Assert.Equal("83.3%", rule.Coverage.ToString());
        Assert.Equal("两委后备缺1人", rule.Lacking);
    }

    [Fact]
    public void A_village_with_one_secretary_reserve_lacks_one()
    {
        var rule = new CoverageRule(1, 1, 0);

        Assert.Equal(1, rule.SecretaryLacking);
        Assert.Equal("书记后备缺1人", rule.Lacking);
        Assert.Equal("50.0%", rule.Coverage.ToString());
    }

    [Fact]
    public void Two_committee_reserves_do_not_stand_in_for_the_secretary_post()
    {
        // Enough reserves in total (coverage 100%), but §6 asks two of them for the secretary post.
        var rule = new CoverageRule(1, 0, 2);

        Assert.Equal("100.0%", rule.Coverage.ToString());
        Assert.False(rule.Meets);
        Assert.Equal("书记后备缺2人", rule.Lacking);
    }

    [Fact]
    public void Secretary_reserves_beyond_two_fill_the_other_key_posts()
    {
        var rule = new CoverageRule(2, 3, 0);

        Assert.Equal(0, rule.SecretaryLacking);
        Assert.Equal(1, rule.TwoCommitteeLacking);
        Assert.Equal("两委后备缺1人", rule.Lacking);
    }

    [Fact]
    public void A_village_with_no_reserves_lacks_both_kinds()
    {
        var rule = new CoverageRule(3, 0, 0);

        Assert.Equal("0.0%", rule.Coverage.ToString());
        Assert.Equal("书记后备缺2人、两委后备缺4人", rule.Lacking);
    }

    [Fact]
    public void Villages_below_the_rule_come_worst_first_ties_by_code()
    {
        VillageCoverage V(string code, CoverageRule rule) => new(0, code, code, 0, "", 0, rule);
        var villages = new[]
        {
            V("440111103203", new CoverageRule(1, 1, 0)),   // 50%
            V("440111103202", new CoverageRule(1, 1, 0)),   // 50%, lower code
            V("440111103201", new CoverageRule(2, 0, 0)),   // 0%
            V("440111103204", new CoverageRule(1, 2, 0)),   // meets: not listed
            V("440111103205", new CoverageRule(0, 0, 0)),   // no key posts: not listed
            V("440111103206", new CoverageRule(1, 0, 2)),   // 100% but lacks secretaries: last
        };

        var codes = CoverageQuery.WorstFirst(villages).Select(v => v.Code).ToList();

        Assert.Equal(["440111103201", "440111103202", "440111103203", "440111103206"], codes);
    }
}
