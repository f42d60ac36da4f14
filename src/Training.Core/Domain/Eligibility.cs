namespace Training.Core.Domain;

/// <summary>
/// Who may apply for degree study (PRODUCT.md §5): a two-committee cadre, a reserve in the
/// pool, or a party member recommended by the village; 大专 needs 高中/中专 or higher; 本科
/// needs 大专 or higher and is closed to someone who already has 本科; one active application
/// or enrollment at a time. Every failed rule gives its own reason, in Chinese.
/// </summary>
public static class Eligibility
{
    public sealed record Facts(
        bool IsTwoCommitteeCadre,
        bool IsReserveInPool,
        bool IsPartyMember,
        bool RecommendedByVillage,
        Education Education,
        bool HasActiveApplication);

    public static IReadOnlyList<string> Reasons(Facts f, DegreeLevel level)
    {
        var reasons = new List<string>();
        if (!f.IsTwoCommitteeCadre && !f.IsReserveInPool && !(f.IsPartyMember && f.RecommendedByVillage))
            reasons.Add("报名对象为现任村（社区）两委干部、在库后备人选，或经村（社区）推荐的党员。");
        if (level == DegreeLevel.Associate && f.Education < Education.HighSchool)
            reasons.Add("报读大专须具有高中/中专或以上学历。");
        if (level == DegreeLevel.Bachelor && f.Education < Education.Associate)
            reasons.Add("报读本科须具有大专或以上学历。");
        if (level == DegreeLevel.Bachelor && f.Education >= Education.Bachelor)
            reasons.Add("已具有本科或以上学历，不能再报读本科。");
        if (f.HasActiveApplication)
            reasons.Add("同一时间只能有一个报名或在读记录：您已有进行中的报名或正在就读。");
        return reasons;
    }
}
