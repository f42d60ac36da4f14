namespace Training.Web.Features.Learning.Reports;

/// <summary>How the report lists its child units: by code, or ranked by 人均学时 (LEARNING.md §7).</summary>
public enum UnitOrder
{
    Code = 0,
    Rank = 1,
}

/// <summary>A child unit's row with its place in the ranking (none when nobody there is to learn).</summary>
public sealed record RankedUnit(int? Rank, UnitLearning Unit)
{
    /// <summary>
    /// The units with their places: those with persons to learn by 人均学时 (highest first), then code; in
    /// <paramref name="order"/>, unranked units after the ranked ones when ranked.
    /// </summary>
    public static IReadOnlyList<RankedUnit> Of(IReadOnlyList<UnitLearning> byCode, UnitOrder order)
    {
        var ranked = byCode.Where(c => c.Figures.Learners > 0)
            .OrderByDescending(c => c.Figures.HoursPerLearner).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select((c, i) => new RankedUnit(i + 1, c)).ToList();
        if (order == UnitOrder.Rank)
            return [.. ranked, .. byCode.Where(c => c.Figures.Learners == 0).Select(c => new RankedUnit(null, c))];
        var rankOf = ranked.ToDictionary(r => r.Unit.UnitId, r => r.Rank);
        return byCode.Select(c => new RankedUnit(rankOf.GetValueOrDefault(c.UnitId), c)).ToList();
    }
}
