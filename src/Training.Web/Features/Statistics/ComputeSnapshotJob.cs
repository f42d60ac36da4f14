using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Statistics;

/// <summary>
/// Computes every org unit's figures as of a date and stores them as that date's snapshot.
/// Reentrant: the old snapshot of the date is deleted and the new one written in one
/// transaction, so a second run replaces (never doubles) and a run killed midway leaves the
/// previous snapshot as it was.
/// </summary>
public sealed class ComputeSnapshotJob(TrainingDbContext db, StatisticsService stats, TimeProvider clock, ILogger<ComputeSnapshotJob> log)
{
    /// <summary>The nightly run's id in Hangfire.</summary>
    public const string RecurringId = "statistics-nightly";
    /// <summary>01:00 every day, Guangzhou time (see <see cref="RegisterNightly"/>).</summary>
    public const string NightlyCron = "0 1 * * *";

    public const string TriggerNightly = StatisticsTexts.TriggerNightly;
    public const string TriggerImport = StatisticsTexts.TriggerImport;

    /// <summary>
    /// Hangfire's entry point: the date as yyyy-MM-dd (a plain string survives any serializer).
    /// Then the snapshots of the year ends before it (31 December of every cohort year), which
    /// the dashboards chart the attainment shares by: only those missing, or every one when
    /// <paramref name="refreshYearEnds"/> (nightly and after an import, since both the roster
    /// and corrections can change the past).
    /// </summary>
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(string asOf, string trigger, bool refreshYearEnds, CancellationToken ct)
    {
        var date = DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await ComputeAndWriteAsync(date, trigger, ct);
        foreach (var yearEnd in await YearEndsBeforeAsync(date, onlyMissing: !refreshYearEnds, ct))
            await ComputeAndWriteAsync(yearEnd, trigger, ct);
    }

    /// <summary>The nightly run: figures as of today (Guangzhou), and every year end again.</summary>
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RunForTodayAsync(CancellationToken ct) =>
        RunAsync(clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TriggerNightly, refreshYearEnds: true, ct);

    /// <summary>One date's snapshot: every unit's figures computed and stored.</summary>
    public async Task<int> ComputeAndWriteAsync(DateOnly asOf, string trigger, CancellationToken ct) =>
        await WriteAsync(asOf, await stats.ComputeForAllUnitsAsync(asOf, ct), trigger, ct);

    /// <summary>31 December of every cohort year, before the date.</summary>
    public async Task<IReadOnlyList<DateOnly>> YearEndsBeforeAsync(DateOnly date, bool onlyMissing, CancellationToken ct)
    {
        var years = await db.Cohorts.AsNoTracking().Where(c => c.Year < date.Year).Select(c => c.Year).Distinct().ToListAsync(ct);
        var yearEnds = years.Select(YearEnd).ToList();
        if (onlyMissing)
        {
            var stored = await db.StatisticsSnapshots.AsNoTracking().Where(s => yearEnds.Contains(s.AsOf)).Select(s => s.AsOf).ToListAsync(ct);
            yearEnds.RemoveAll(stored.Contains);
        }
        return yearEnds.Order().ToList();
    }

    /// <summary>The date a year's attainment is charted at.</summary>
    public static DateOnly YearEnd(int year) => new(year, 12, 31);

    /// <summary>Replaces the date's snapshot with these figures, all or nothing.</summary>
    public async Task<int> WriteAsync(DateOnly asOf, IReadOnlyDictionary<int, Figures> figures, string trigger, CancellationToken ct)
    {
        var computedAt = clock.UtcNow();
        var snapshotId = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var snapshot = new StatisticsSnapshot(asOf, computedAt, trigger);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // By id, so the delete walks the key's range instead of scanning every snapshot ever stored.
            if (await db.StatisticsSnapshots.Where(s => s.AsOf == asOf).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct) is { } oldId)
            {
                await db.SnapshotFigures.Where(r => r.SnapshotId == oldId).ExecuteDeleteAsync(ct);
                await db.StatisticsSnapshots.Where(s => s.Id == oldId).ExecuteDeleteAsync(ct);
            }
            db.StatisticsSnapshots.Add(snapshot);
            await db.SaveChangesAsync(ct);
            await InsertRowsAsync(snapshot.Id, figures, ct);
            await tx.CommitAsync(ct);
            snapshotId = snapshot.Id;
        });
        db.ChangeTracker.Clear();
        log.LogInformation(StatisticsTexts.SnapshotLog, asOf, figures.Count, trigger);
        return snapshotId;
    }

    /// <summary>One row per unit, by the bulk writer: at nation scale (430k units) EF's tracked inserts took minutes and gigabytes.</summary>
    private async Task InsertRowsAsync(int snapshotId, IReadOnlyDictionary<int, Figures> figures, CancellationToken ct)
    {
        var rows = figures.OrderBy(x => x.Key).Select(x => new SnapshotFigure(x.Key, x.Value.Participants, x.Value.Graduates, x.Value.InStudy,
            x.Value.Secretaries, x.Value.SecretariesAssociateOrAbove, x.Value.TwoCommitteeCadres, x.Value.TwoCommitteeAssociateOrAbove,
            x.Value.ReservesInPool, x.Value.SecretaryReserves, x.Value.KeyPosts, x.Value.SelfPaidFen, x.Value.SubsidyFen, x.Value.WaiverFen)).ToList();
        await using var writer = new BulkWriter(db, db.Database.CurrentTransaction!.GetDbTransaction());
        await writer.InsertAsync(rows, ct, (nameof(SnapshotFigure.SnapshotId), _ => snapshotId));
    }

    /// <summary>On demand (CityAdmin's button) or after an import: enqueues a run for the date and returns Hangfire's job id.</summary>
    public static string Enqueue(IBackgroundJobClient jobs, DateOnly asOf, string trigger, bool refreshYearEnds = false) =>
        jobs.Enqueue<ComputeSnapshotJob>(j => j.RunAsync(asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), trigger, refreshYearEnds, CancellationToken.None));

    /// <summary>For the import feature: fresh snapshots as of today and every year end once an import has been saved.</summary>
    public static string EnqueueAfterImport(IBackgroundJobClient jobs, TimeProvider clock) =>
        Enqueue(jobs, clock.Today(), TriggerImport, refreshYearEnds: true);

    /// <summary>The nightly run at 01:00 China time, under a constant id (registering again only updates it).</summary>
    public static void RegisterNightly(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<ComputeSnapshotJob>(RecurringId, j => j.RunForTodayAsync(CancellationToken.None), NightlyCron,
            new RecurringJobOptions { TimeZone = ChinaTime.Zone });
}
