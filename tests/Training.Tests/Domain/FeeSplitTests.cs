using Training.Core.Domain;

namespace Training.Tests.Domain;

public class FeeSplitTests
{
    [Fact]
    public void Should_accept_parts_that_add_up_to_the_total()
    {
        var split = new FeeSplit(totalFen: 6_000_00, subsidyFen: 3_000_00, waiverFen: 1_500_00, selfPaidFen: FeeSplit.DefaultSelfPaidFen);

        Assert.Equal(6_000_00, split.TotalFen);
        Assert.Equal(3_000_00, split.SubsidyFen);
        Assert.Equal(1_500_00, split.WaiverFen);
        Assert.Equal(1_500_00, split.SelfPaidFen);
    }

    [Fact]
    public void Should_default_self_paid_to_1500_yuan()
    {
        Assert.Equal(1500m, Money.ToYuan(FeeSplit.DefaultSelfPaidFen));
    }

    [Fact]
    public void Should_accept_a_free_program()
    {
        var split = new FeeSplit(0, 0, 0, 0);

        Assert.Equal(0, split.TotalFen);
    }

    [Theory]
    [InlineData(6_000_00, 3_000_00, 1_500_00, 1_499_99)] // one fen short
    [InlineData(6_000_00, 3_000_00, 1_500_00, 1_500_01)] // one fen over
    [InlineData(6_000_00, 0, 0, 0)]
    public void Should_reject_parts_that_do_not_add_up(long total, long subsidy, long waiver, long selfPaid)
    {
        var ex = Assert.Throws<DomainException>(() => new FeeSplit(total, subsidy, waiver, selfPaid));

        Assert.Contains("应等于学费总额", ex.Message);
    }

    [Theory]
    [InlineData(-1, 0, 0, -1)]
    [InlineData(1_500_00, -1_000_00, 1_000_00, 1_500_00)] // adds up, but a negative subsidy
    [InlineData(1_500_00, 1_000_00, -1_000_00, 1_500_00)]
    [InlineData(1_500_00, 2_000_00, 0, -500_00)]
    public void Should_reject_any_negative_part_even_when_the_sum_is_right(long total, long subsidy, long waiver, long selfPaid)
    {
        var ex = Assert.Throws<DomainException>(() => new FeeSplit(total, subsidy, waiver, selfPaid));

        Assert.Contains("不能为负数", ex.Message);
    }

    [Fact]
    public void Should_compare_splits_by_value()
    {
        Assert.Equal(new FeeSplit(6_000_00, 3_000_00, 1_500_00, 1_500_00), new FeeSplit(6_000_00, 3_000_00, 1_500_00, 1_500_00));
    }

    [Theory]
    [InlineData("1500", 1_500_00)]
    [InlineData("0.01", 1)]
    [InlineData("0.005", 1)]  // half a fen rounds away from zero
    [InlineData("1234.564", 1_234_56)]
    public void Should_convert_yuan_to_whole_fen(string yuan, long fen)
    {
        Assert.Equal(fen, Money.FromYuan(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
