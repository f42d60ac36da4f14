using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Reserves.Coverage;

/// <summary>
/// 后备干部 1:2 配备情况. The city sees a summary per district (drill into one with ?unit=);
/// a district sees a summary per township and its villages below 1:2, worst first, filterable
/// by township, by what they lack and by name; a township the same for itself; a village its
/// own line. The same URL serves the page and (for htmx) the village list fragment.
/// </summary>
[Authorize(Policy = ReservesPermissions.View)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, CoverageQuery coverage, FiguresMemo memo) : PageModel
{
    public const int MaxRows = 300;

    /// <summary>The unit viewed: the account's own unit by default; the city may drill into a district, a district into a township.</summary>
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Township { get; set; }
    /// <summary>"secretary" or "other": only villages lacking that kind of reserve.</summary>
    [BindProperty(SupportsGet = true)] public string? Target { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>List the villages meeting the rule too (after those below it).</summary>
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public sealed record UnitInfo(int Id, string Code, string Name, OrgLevel Level, string Path, int? ParentId);

    public UnitInfo Root { get; private set; } = null!;
    public CoverageSummary Total { get; private set; } = null!;
    /// <summary>Per district (city) or per township (district); empty below.</summary>
    public IReadOnlyList<CoverageSummary> Breakdown { get; private set; } = [];
    public IReadOnlyList<VillageCoverage> Below { get; private set; } = [];
    public int BelowCount { get; private set; }
    public VillageCoverage? Own { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Townships { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool MayEditKeyPosts => me.IsIn(Roles.DistrictStaff) || me.IsIn(Roles.CityAdmin);
    public bool CanGoUp => Root.Id != me.OrgUnitId && Root.ParentId is not null;

    /// <summary>What a unit's page shows on a day before the filters: the unit, its villages' lines and the summary per
    /// child unit. Kept until a unit (names, key posts, the tree) or a reserve in the pool changes — three queries a view
    /// were half the page's time (2.0–3.2 ms of server CPU a request at 100 connections).</summary>
    private sealed record Shown(UnitInfo Root, IReadOnlyList<VillageCoverage> Villages, IReadOnlyList<CoverageSummary> Breakdown);

    private static readonly string[] Follows = [.. DataStamps.SubjectsOf(typeof(OrgUnit)), DataFacets.PooledReserve];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rootId = Unit ?? me.OrgUnitId;
        if (rootId is null) return NotFound();
        Today = clock.Today();
        var shown = await memo.GetAsync($"Coverage|{rootId}|{Today:yyyyMMdd}", Follows, c => ReadAsync(rootId.Value, c), ct);
        if (shown is null) return NotFound();
        Root = shown.Root;
        Total = CoverageSummary.Of(Root.Id, Root.Code, Root.Name, shown.Villages);
        Breakdown = shown.Breakdown;

        switch (Root.Level)
        {
            case OrgLevel.City:
                break;
            case OrgLevel.District:
                Townships = Breakdown.Select(b => (b.UnitId, b.Name)).ToList();
                if (Township is not null && Townships.All(t => t.Id != Township)) return NotFound();
                FilterVillages(shown.Villages.Where(v => Township is null || v.TownshipId == Township));
                break;
            case OrgLevel.Township:
                FilterVillages(shown.Villages);
                break;
            default:
                Own = shown.Villages.SingleOrDefault();
                break;
        }
        return this.PageOrFragment("_Villages");
    }

    private async Task<Shown?> ReadAsync(int rootId, CancellationToken ct)
    {
        var root = await db.OrgUnits.AsNoTracking().InScope(me)
            .Where(u => u.Id == rootId)
            .Select(u => new UnitInfo(u.Id, u.Code, u.Name, u.Level, u.Path, u.ParentId))
            .SingleOrDefaultAsync(ct);
        if (root is null) return null;
        var villages = await coverage.VillagesUnderAsync(root.Path, Today, ct);
        var breakdown = root.Level switch
        {
            OrgLevel.City => await ChildSummariesAsync(root.Id, villages.ToLookup(v => v.DistrictId), ct),
            OrgLevel.District => await ChildSummariesAsync(root.Id, villages.ToLookup(v => v.TownshipId), ct),
            _ => [],
        };
        return new Shown(root, villages, breakdown);
    }

    private void FilterVillages(IEnumerable<VillageCoverage> villages)
    {
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q)) villages = villages.Where(v => v.Name.Contains(q, StringComparison.Ordinal) || v.Code.StartsWith(q, StringComparison.Ordinal));
        villages = Target switch
        {
            "secretary" => villages.Where(v => v.Rule.SecretaryLacking > 0),
            "other" => villages.Where(v => v.Rule.TwoCommitteeLacking > 0),
            _ => villages,
        };
        var below = (All ? CoverageQuery.AllWorstFirst(villages) : CoverageQuery.WorstFirst(villages)).ToList();
        BelowCount = below.Count;
        Below = below.Take(MaxRows).ToList();
    }

    private async Task<IReadOnlyList<CoverageSummary>> ChildSummariesAsync(
        int parentId, ILookup<int, VillageCoverage> byChild, CancellationToken ct)
    {
        var children = await db.OrgUnits.AsNoTracking().InScope(me)
            .Where(u => u.ParentId == parentId)
            .OrderBy(u => u.Code)
            .Select(u => new { u.Id, u.Code, u.Name })
            .ToListAsync(ct);
        return children.Select(c => CoverageSummary.Of(c.Id, c.Code, c.Name, byChild[c.Id])).ToList();
    }

    public string LinkTo(int? unit = null, int? township = null) =>
        "/Reserves/Coverage" + QueryString.Create(new Dictionary<string, string?>
        {
            ["unit"] = unit?.ToString(),
            ["township"] = township?.ToString(),
        }.Where(kv => kv.Value is not null));
}
