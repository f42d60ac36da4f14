using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Statistics;

namespace Training.Web.Features.Reserves.Coverage;

/// <summary>One village's line: its township and district, key posts and reserves in the pool on the day.</summary>
public sealed record VillageCoverage(
    int Id, string Code, string Name, int TownshipId, string TownshipName, int DistrictId, CoverageRule Rule);

/// <summary>A summary line for a unit (township or district) and everything below it.</summary>
public sealed record CoverageSummary(int UnitId, string Code, string Name, int Villages, int VillagesMeeting, int Reserves, int KeyPosts)
{
    public Share Coverage => new(Reserves, 2L * KeyPosts);

    public static CoverageSummary Of(int unitId, string code, string name, IEnumerable<VillageCoverage> villages)
    {
        var list = villages.ToList();
        return new(unitId, code, name, list.Count, list.Count(v => v.Rule.Meets),
            list.Sum(v => v.Rule.Reserves), list.Sum(v => v.Rule.KeyPosts));
    }
}

/// <summary>
/// Coverage of the 1:2 rule for the villages under a unit. Counts reserves in the pool on the day,
/// as the statistics do (<see cref="ReserveCandidate.InPoolOnDate"/>). The caller passes a unit it
/// already found in the account's scope.
/// </summary>
public sealed class CoverageQuery(TrainingDbContext db)
{
    public async Task<IReadOnlyList<VillageCoverage>> VillagesUnderAsync(string path, DateOnly today, CancellationToken ct)
    {
        var villages = await db.OrgUnits.AsNoTracking()
            .Where(u => u.Level == OrgLevel.Village && OrgPaths.IsUnder(u.Path, path))
            .Select(u => new
            {
                u.Id, u.Code, u.Name, u.KeyPosts,
                TownshipId = u.ParentId ?? 0,
                TownshipName = u.Parent!.Name,
                DistrictId = u.Parent!.ParentId ?? 0,
            })
            .ToListAsync(ct);

        var counts = await db.Reserves.AsNoTracking()
            .Where(ReserveCandidate.InPoolOnDate(today))
            .Where(r => OrgPaths.IsUnder(r.Village.Path, path))
            .GroupBy(r => new { r.VillageId, r.Target })
            .Select(g => new { g.Key.VillageId, g.Key.Target, Count = g.Count() })
            .ToListAsync(ct);
        var byVillage = counts.ToLookup(c => c.VillageId);

        return villages
            .Select(v =>
            {
                var c = byVillage[v.Id];
                var secretary = c.Where(x => x.Target == ReserveTarget.Secretary).Sum(x => x.Count);
                var other = c.Where(x => x.Target != ReserveTarget.Secretary).Sum(x => x.Count);
                return new VillageCoverage(v.Id, v.Code, v.Name, v.TownshipId, v.TownshipName, v.DistrictId,
                    new CoverageRule(v.KeyPosts, secretary, other));
            })
            .OrderBy(v => v.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Villages not meeting the rule, worst first: lowest coverage, ties by code.</summary>
    public static IEnumerable<VillageCoverage> WorstFirst(IEnumerable<VillageCoverage> villages) =>
        AllWorstFirst(villages.Where(v => !v.Rule.Meets));

    /// <summary>Every village, those below the rule first (worst first), then those meeting it (lowest coverage first), ties by code.</summary>
    public static IEnumerable<VillageCoverage> AllWorstFirst(IEnumerable<VillageCoverage> villages) =>
        villages.OrderBy(v => v.Rule.Meets)
            .ThenBy(v => v.Rule.SortValue)
            .ThenBy(v => v.Code, StringComparer.Ordinal);
}
