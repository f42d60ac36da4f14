using System.Globalization;

namespace Training.Core.Domain;

/// <summary>
/// A tuition split: 财政补助 + 学校减免 + 个人自付 = 学费总额, none negative. Used by fee
/// schedules and copied onto an enrollment at admission.
/// </summary>
public sealed record FeeSplit
{
    public const long DefaultSelfPaidFen = 1_500_00;

    public FeeSplit(long totalFen, long subsidyFen, long waiverFen, long selfPaidFen)
    {
        if (totalFen < 0 || subsidyFen < 0 || waiverFen < 0 || selfPaidFen < 0)
            throw new DomainException("学费总额、财政补助、学校减免、个人自付都不能为负数。");
        if (subsidyFen + waiverFen + selfPaidFen != totalFen)
            throw new DomainException(
                $"财政补助 {Money.Format(subsidyFen)} + 学校减免 {Money.Format(waiverFen)} + 个人自付 {Money.Format(selfPaidFen)} 应等于学费总额 {Money.Format(totalFen)}。");
        TotalFen = totalFen;
        SubsidyFen = subsidyFen;
        WaiverFen = waiverFen;
        SelfPaidFen = selfPaidFen;
    }

    public long TotalFen { get; private init; }
    public long SubsidyFen { get; private init; }
    public long WaiverFen { get; private init; }
    public long SelfPaidFen { get; private init; }
}
