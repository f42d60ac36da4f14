using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>LEARNING.md §5: the ledger is only appended to; a correction is a reversing entry with a reason.</summary>
public sealed class StudyLedgerEntryTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static StudyLedgerEntry Credited(decimal hours = 8) =>
        StudyLedgerEntry.Credit(7, Today, hours, required: true, StudySource.Class, sourceId: 42, "test", Now);

    [Fact]
    public void A_reversal_cancels_the_same_hours_of_the_same_kind_and_source_with_its_reason()
    {
        var original = Credited();

        var reversal = StudyLedgerEntry.ReversalOf(original, " 考勤登记错误 ", alreadyReversed: false, Today.AddDays(1), "township", Now);

        Assert.Equal((7, -8m, true, StudySource.Class, (int?)42, "考勤登记错误", Today.AddDays(1)),
            (reversal.PersonId, reversal.Hours, reversal.Required, reversal.Source, reversal.SourceId, reversal.Reason, reversal.On));
        Assert.True(reversal.IsReversal);
        Assert.Equal(0, original.Hours + reversal.Hours);
    }

    [Fact]
    public void A_reversal_needs_a_reason()
    {
        var e = Assert.Throws<DomainException>(() => StudyLedgerEntry.ReversalOf(Credited(), "  ", false, Today, "township", Now));

        Assert.Equal("Reason", e.Field);
    }

    [Fact]
    public void An_entry_is_reversed_at_most_once_and_a_reversal_never()
    {
        var original = Credited();
        var reversal = StudyLedgerEntry.ReversalOf(original, "重复", false, Today, "township", Now);

        Assert.Throws<DomainException>(() => StudyLedgerEntry.ReversalOf(original, "再次", alreadyReversed: true, Today, "township", Now));
        Assert.Throws<DomainException>(() => StudyLedgerEntry.ReversalOf(reversal, "再次", alreadyReversed: false, Today, "township", Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    [InlineData(0.125)]
    public void Credited_hours_are_positive_to_the_hundredth(double hours) =>
        Assert.Throws<DomainException>(() => Credited((decimal)hours));
}
