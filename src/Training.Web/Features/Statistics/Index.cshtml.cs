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

    public UnitView Current { get; private set; } = null!;
    public IReadOnlyList<Crumb> Crumbs { get; private set; } = [];
    public SnapshotView? Snapshot { get; private set; }
    public Figures? Figures { get; private set; }
    public IReadOnlyList<UnitFigures> Children { get; private set; } = [];
    public IReadOnlyList<CohortYearFigures> CohortYears { get; private set; } = [];
    /// <summary>The attainment shares at the end of each cohort year (the latest snapshot for its own year), where a snapshot holds them.</summary>
    public IReadOnlyDictionary<int, Attainment> AttainmentByYear { get; private set; } = new Dictionary<int, Attainment>();
    public string ChartJson { get; private set; } = "{}";
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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var unit = await FindUnitAsync(ct);
        if (unit is null) return NotFound();
        Current = unit;
        await LoadAsync(ct);
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

    private async Task LoadAsync(CancellationToken ct)
    {
        var ancestorCodes = Current.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Crumbs = await db.OrgUnits.AsNoTracking().InScope(me)
            .Where(u => ancestorCodes.Contains(u.Code) && u.Id != Current.Id)
            .OrderBy(u => u.Level).Select(u => new Crumb(u.Id, u.Name)).ToListAsync(ct);

        var unitId = Current.Id;
        Snapshot = await db.StatisticsSnapshots.AsNoTracking()
            .Where(s => s.Figures.Any(r => r.OrgUnitId == unitId))
            .OrderByDescending(s => s.AsOf)
            .Select(s => new SnapshotView(s.Id, s.AsOf, s.ComputedAt, s.Trigger))
            .FirstOrDefaultAsync(ct);
        if (Snapshot is null) return;

        var snapshotId = Snapshot.Id;
        Figures = await db.SnapshotFigures.AsNoTracking()
            .Where(r => r.SnapshotId == snapshotId && r.OrgUnitId == unitId)
            .Select(SnapshotReads.ToFigures).SingleAsync(ct);

        var rows = await db.SnapshotFigures.AsNoTracking()
            .Where(r => r.SnapshotId == snapshotId)
            .Join(db.OrgUnits.Where(u => u.ParentId == unitId), r => r.OrgUnitId, u => u.Id, (r, u) => new { r, u.Code, u.Name })
            .OrderBy(x => x.Code)
            .Select(x => new { x.r, x.Code, x.Name })
            .ToListAsync(ct);
        Children = rows.Select(x => new UnitFigures(x.r.OrgUnitId, x.Code, x.Name, SnapshotReads.ToFiguresOf(x.r))).ToList();

        var trend = await db.SnapshotFigures.AsNoTracking()
            .Where(r => r.OrgUnitId == unitId)
            .Join(db.StatisticsSnapshots, r => r.SnapshotId, s => s.Id, (r, s) => new
            {
                s.AsOf, r.Secretaries, r.SecretariesAssociateOrAbove, r.TwoCommitteeCadres, r.TwoCommitteeAssociateOrAbove,
            })
            .OrderByDescending(x => x.AsOf).Take(TrendLength)
            .ToListAsync(ct);
        trend.Reverse();

        // Counted live over the unit's admitted applications (20 ms at the city) and every cohort's year: kept until an
        // application that is or was admitted, a cohort or a unit changes (not on each applicant's draft or submit).
        var (path, asOf) = (Current.Path, Snapshot.AsOf);
        CohortYears = await memo.GetAsync($"CohortYears|{path}|{asOf:yyyyMMdd}",
            [DataFacets.AdmittedEnrollment, .. DataStamps.SubjectsOf(typeof(Cohort), typeof(OrgUnit))],
            ct => stats.ComputeByCohortYearAsync(path, asOf, ct), ct);
        AttainmentByYear = await AttainmentByYearAsync(unitId, Snapshot.AsOf, Figures, ct);

        ChartJson = JsonSerializer.Serialize(new
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
                labels = CohortYears.Select(c => c.Year.ToString()),
                series = new object[]
                {
                    new { label = StatisticsTexts.AdmittedSeries, data = CohortYears.Select(c => c.Admitted) },
                    new { label = StatisticsTexts.GraduatedSeries, data = CohortYears.Select(c => c.Graduated) },
                },
                rate = new { label = StatisticsTexts.GraduationRateSeries, data = CohortYears.Select(c => Percent(c.GraduationRate)) },
            },
            attainment = new
            {
                labels = CohortYears.Select(c => c.Year.ToString()),
                series = new object[]
                {
                    new { label = StatisticsTexts.SecretaryShareSeries, data = CohortYears.Select(c => AttainmentByYear.TryGetValue(c.Year, out var a) ? Percent(a.Secretaries) : null) },
                    new { label = StatisticsTexts.TwoCommitteeShareSeries, data = CohortYears.Select(c => AttainmentByYear.TryGetValue(c.Year, out var a) ? Percent(a.TwoCommittee) : null) },
                },
            },
            reserves = new
            {
                labels = Children.Select(c => c.Name),
                series = new object[]
                {
                    new { label = StatisticsTexts.ReserveRatioSeries, data = Children.Select(c => c.Figures.ReserveRatio.Value is { } v ? Math.Round(v, 2) : (decimal?)null) },
                },
                target = 2,
            },
        });
    }

    /// <summary>Year-end snapshots (see <see cref="ComputeSnapshotJob.YearEnd"/>) before the latest, and the latest for its own year.</summary>
    private async Task<IReadOnlyDictionary<int, Attainment>> AttainmentByYearAsync(int unitId, DateOnly latest, Figures figures, CancellationToken ct)
    {
        var yearEnds = CohortYears.Select(c => ComputeSnapshotJob.YearEnd(c.Year)).Where(d => d < latest).ToList();
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

    public string Link(Figure figure, int unitId) => Url.StatisticsPeople(figure, unitId, Snapshot!.AsOf);
}
