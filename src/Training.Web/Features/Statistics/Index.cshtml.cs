using System.Text.Json;
using Hangfire;
using Htmx;
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

namespace Training.Web.Features.Statistics;

/// <summary>
/// The statistics dashboard of a unit in the account's scope: the figures of the latest
/// snapshot (with when it was computed), the breakdown by child unit and the charts.
/// CityAdmin can have a new snapshot computed and watch it finish.
/// </summary>
[Authorize(Policy = StatisticsPermissions.View)]
public sealed class IndexModel(
    TrainingDbContext db, CurrentUser me, StatisticsService stats, TimeProvider clock,
    IBackgroundJobClient jobs, JobStorage storage, FiguresMemo memo) : PageModel
{
    /// <summary>At most this many snapshots in the trend chart (the latest ones).</summary>
    public const int TrendLength = 60;

    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    /// <summary>A snapshot job being watched (after 立即计算 without JavaScript).</summary>
    [BindProperty(SupportsGet = true)] public string? Job { get; set; }

    private Shown shown = null!;
    public UnitView Current => shown.Current;
    public IReadOnlyList<Crumb> Crumbs => shown.Crumbs;
    public SnapshotView? Snapshot => shown.Snapshot;
    public Figures? Figures => shown.Figures;
    public IReadOnlyList<UnitFigures> Children => shown.Children;
    public IReadOnlyList<CohortYearFigures> CohortYears => shown.CohortYears;
    /// <summary>The attainment shares at the end of each cohort year (the latest snapshot for its own year), where a snapshot holds them.</summary>
    public IReadOnlyDictionary<int, Attainment> AttainmentByYear => shown.AttainmentByYear;
    public string ChartJson => shown.ChartJson;
    public bool MayRecompute => me.IsIn(Roles.CityAdmin);
    public JobProgress? Progress { get; private set; }

    public sealed record UnitView(int Id, string Code, string Name, OrgLevel Level, string Path);
    public sealed record Crumb(int Id, string Name);
    public sealed record SnapshotView(int Id, DateOnly AsOf, DateTime ComputedAt, string Trigger)
    {
        /// <summary>Guangzhou time (UTC+8, no daylight saving).</summary>
        public string ComputedAtText => ChinaTime.Format(ComputedAt);
    }
    public sealed record JobProgress(string JobId, bool Running, bool Failed);
    public sealed record Attainment(DateOnly AsOf, Share Secretaries, Share TwoCommittee);

    /// <summary>What the page shows of a unit: read from the snapshots, the units and the cohort years.</summary>
    private sealed record Shown(
        UnitView Current, IReadOnlyList<Crumb> Crumbs, SnapshotView? Snapshot, Figures? Figures, IReadOnlyList<UnitFigures> Children,
        IReadOnlyList<CohortYearFigures> CohortYears, IReadOnlyDictionary<int, Attainment> AttainmentByYear, string ChartJson);

    /// <summary>
    /// Everything shown changes only with a new snapshot, a unit, a cohort or an admitted application, so a
    /// unit's page is kept until one of these is saved (eight queries and the charts' JSON each time before).
    /// </summary>
    private static readonly string[] ShownFollows =
        [DataFacets.AdmittedEnrollment, .. DataStamps.SubjectsOf(typeof(StatisticsSnapshot), typeof(SnapshotFigure), typeof(Cohort), typeof(OrgUnit))];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var kept = await memo.GetAsync($"StatisticsPage|{Unit ?? me.OrgUnitId}", ShownFollows,
            async ct => await FindUnitAsync(ct) is { } unit ? await LoadAsync(unit, ct) : null, ct);
        if (kept is null) return NotFound();
        shown = kept;
        if (Job is not null && MayRecompute) Progress = ProgressOf(Job);
        return Page();
    }

    /// <summary>立即计算: a snapshot as of today, computed in the background.</summary>
    public async Task<IActionResult> OnPostRecomputeAsync(CancellationToken ct)
    {
        if (!MayRecompute) return Forbid();
        var unit = await FindUnitAsync(ct);
        if (unit is null) return NotFound();
        var today = clock.Today();
        db.Audit.Add(new AuditEntry(me.UserName, StatisticsTexts.SnapshotAudit, StatisticsTexts.SnapshotRequested(today), clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        var jobId = ComputeSnapshotJob.Enqueue(jobs, today, me.Actor);
        if (Request.IsHtmx())
        {
            Progress = new JobProgress(jobId, Running: true, Failed: false);
            return Partial("_Progress", this);
        }
        return RedirectToPage("/Statistics/Index", new { unit = Unit, job = jobId });
    }

    /// <summary>The progress fragment htmx polls every second; 286 stops the polling, HX-Refresh reloads the figures.</summary>
    public async Task<IActionResult> OnGetStatusAsync(CancellationToken ct)
    {
        if (!MayRecompute) return Forbid();
        if (string.IsNullOrEmpty(Job)) return NotFound();
        var unit = await FindUnitAsync(ct);
        if (unit is null) return NotFound();
        var progress = ProgressOf(Job);
        if (progress is null) return NotFound();
        Progress = progress;
        if (!progress.Running)
        {
            Response.StopPolling();
            if (!progress.Failed) Response.Htmx(h => h.Refresh());
        }
        return Partial("_Progress", this);
    }

    private JobProgress? ProgressOf(string jobId)
    {
        using var connection = storage.GetConnection();
        var data = connection.GetJobData(jobId);
        if (data?.Job?.Type != typeof(ComputeSnapshotJob)) return null;
        var state = data.State ?? "";
        var failed = state is "Failed" or "Deleted";
        return new JobProgress(jobId, Running: !failed && state != "Succeeded", Failed: failed);
    }

    private Task<UnitView?> FindUnitAsync(CancellationToken ct)
    {
        var id = Unit ?? me.OrgUnitId;
        return db.OrgUnits.AsNoTracking().InScope(me).Where(u => u.Id == id)
            .Select(u => new UnitView(u.Id, u.Code, u.Name, u.Level, u.Path))
            .SingleOrDefaultAsync(ct);
    }

    private async Task<Shown> LoadAsync(UnitView current, CancellationToken ct)
    {
        var ancestorCodes = current.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var crumbs = await db.OrgUnits.AsNoTracking().InScope(me)
            .Where(u => ancestorCodes.Contains(u.Code) && u.Id != current.Id)
            .OrderBy(u => u.Level).Select(u => new Crumb(u.Id, u.Name)).ToListAsync(ct);

        var unitId = current.Id;
        var snapshot = await db.StatisticsSnapshots.AsNoTracking()
            .Where(s => s.Figures.Any(r => r.OrgUnitId == unitId))
            .OrderByDescending(s => s.AsOf)
            .Select(s => new SnapshotView(s.Id, s.AsOf, s.ComputedAt, s.Trigger))
            .FirstOrDefaultAsync(ct);
        if (snapshot is null) return new Shown(current, crumbs, null, null, [], [], new Dictionary<int, Attainment>(), "{}");

        var snapshotId = snapshot.Id;
        var figures = await db.SnapshotFigures.AsNoTracking()
            .Where(r => r.SnapshotId == snapshotId && r.OrgUnitId == unitId)
            .Select(SnapshotReads.ToFigures).SingleAsync(ct);

        var rows = await db.SnapshotFigures.AsNoTracking()
            .Where(r => r.SnapshotId == snapshotId)
            .Join(db.OrgUnits.Where(u => u.ParentId == unitId), r => r.OrgUnitId, u => u.Id, (r, u) => new { r, u.Code, u.Name })
            .OrderBy(x => x.Code)
            .Select(x => new { x.r, x.Code, x.Name })
            .ToListAsync(ct);
        var children = rows.Select(x => new UnitFigures(x.r.OrgUnitId, x.Code, x.Name, SnapshotReads.ToFiguresOf(x.r))).ToList();

        var trend = await db.SnapshotFigures.AsNoTracking()
            .Where(r => r.OrgUnitId == unitId)
            .Join(db.StatisticsSnapshots, r => r.SnapshotId, s => s.Id, (r, s) => new
            {
                s.AsOf, r.Secretaries, r.SecretariesAssociateOrAbove, r.TwoCommitteeCadres, r.TwoCommitteeAssociateOrAbove,
            })
            .OrderByDescending(x => x.AsOf).Take(TrendLength)
            .ToListAsync(ct);
        trend.Reverse();

        // Counted live over the unit's admitted applications (20 ms at the city) and every cohort's year.
        var cohortYears = await stats.ComputeByCohortYearAsync(current.Path, snapshot.AsOf, ct);
        var attainmentByYear = await AttainmentByYearAsync(unitId, snapshot.AsOf, figures, cohortYears, ct);

        var chartJson = JsonSerializer.Serialize(new
        {
            trend = new
            {
                labels = trend.Select(x => x.AsOf.ToString("yyyy-MM-dd")),
                series = new object[]
                {
                    new { label = StatisticsTexts.SecretaryShareSeries, data = trend.Select(x => Percent(new Share(x.SecretariesAssociateOrAbove, x.Secretaries))) },
                    new { label = StatisticsTexts.TwoCommitteeShareSeries, data = trend.Select(x => Percent(new Share(x.TwoCommitteeAssociateOrAbove, x.TwoCommitteeCadres))) },
                },
            },
            cohorts = new
            {
                labels = cohortYears.Select(c => c.Year.ToString()),
                series = new object[]
                {
                    new { label = StatisticsTexts.AdmittedSeries, data = cohortYears.Select(c => c.Admitted) },
                    new { label = StatisticsTexts.GraduatedSeries, data = cohortYears.Select(c => c.Graduated) },
                },
                rate = new { label = StatisticsTexts.GraduationRateSeries, data = cohortYears.Select(c => Percent(c.GraduationRate)) },
            },
            attainment = new
            {
                labels = cohortYears.Select(c => c.Year.ToString()),
                series = new object[]
                {
                    new { label = StatisticsTexts.SecretaryShareSeries, data = cohortYears.Select(c => attainmentByYear.TryGetValue(c.Year, out var a) ? Percent(a.Secretaries) : null) },
                    new { label = StatisticsTexts.TwoCommitteeShareSeries, data = cohortYears.Select(c => attainmentByYear.TryGetValue(c.Year, out var a) ? Percent(a.TwoCommittee) : null) },
                },
            },
            reserves = new
            {
                labels = children.Select(c => c.Name),
                series = new object[]
                {
                    new { label = StatisticsTexts.ReserveRatioSeries, data = children.Select(c => c.Figures.ReserveRatio.Value is { } v ? Math.Round(v, 2) : (decimal?)null) },
                },
                target = 2,
            },
        });
        return new Shown(current, crumbs, snapshot, figures, children, cohortYears, attainmentByYear, chartJson);
    }

    /// <summary>Year-end snapshots (see <see cref="ComputeSnapshotJob.YearEnd"/>) before the latest, and the latest for its own year.</summary>
    private async Task<IReadOnlyDictionary<int, Attainment>> AttainmentByYearAsync(
        int unitId, DateOnly latest, Figures figures, IReadOnlyList<CohortYearFigures> cohortYears, CancellationToken ct)
    {
        var yearEnds = cohortYears.Select(c => ComputeSnapshotJob.YearEnd(c.Year)).Where(d => d < latest).ToList();
        var rows = await db.SnapshotFigures.AsNoTracking()
            .Where(r => r.OrgUnitId == unitId)
            .Join(db.StatisticsSnapshots.Where(s => yearEnds.Contains(s.AsOf)), r => r.SnapshotId, s => s.Id, (r, s) => new
            {
                s.AsOf, r.Secretaries, r.SecretariesAssociateOrAbove, r.TwoCommitteeCadres, r.TwoCommitteeAssociateOrAbove,
            })
            .ToListAsync(ct);
        var result = rows.ToDictionary(r => r.AsOf.Year, r => new Attainment(r.AsOf,
            new Share(r.SecretariesAssociateOrAbove, r.Secretaries), new Share(r.TwoCommitteeAssociateOrAbove, r.TwoCommitteeCadres)));
        result[latest.Year] = new Attainment(latest, figures.SecretaryShare, figures.TwoCommitteeShare);
        return result;
    }

    private static decimal? Percent(Share share) => share.Value is { } v ? Math.Round(100 * v, 1, MidpointRounding.AwayFromZero) : null;

    private string? peoplePath;
    public string Link(Figure figure, int unitId) => SnapshotReads.StatisticsPeople(peoplePath ??= Url.Page("/Statistics/People")!, figure, unitId, Snapshot!.AsOf);
}
