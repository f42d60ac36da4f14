using Hangfire;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Learning.Reports;

/// <summary>
/// Rebuilds the 学时 aggregates (<see cref="Core.Domain.StudyHoursTotal"/>) from the ledger, nightly: the
/// rows are deleted and summed again in one transaction (<see cref="LedgerTotals.RebuildAsync"/>, the
/// statistics snapshot's write-then-swap), so a run killed midway leaves the previous rows and a second
/// run writes the same rows. The ledger keeps them current between runs; the job repairs anything that
/// bypassed SaveChanges (the demo's fast writer, a hand edit). The report keeps no per-unit rows: it
/// sums these per person when asked.
/// </summary>
public sealed class LearningFiguresJob(TrainingDbContext db, ILogger<LearningFiguresJob> log)
{
    public const string RecurringId = "learning-figures-nightly";
    /// <summary>01:30 every day, Guangzhou time (after the statistics snapshot at 01:00).</summary>
    public const string NightlyCron = "30 1 * * *";

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var rows = await LedgerTotals.RebuildAsync(db, ct);
        log.LogInformation(ReportTexts.RebuiltLog, rows);
        return rows;
    }

    /// <summary>Once the database is migrated: a database whose ledger predates the aggregates gets them now.</summary>
    public async Task FillIfMissingAsync(CancellationToken ct)
    {
        if (!await db.StudyHoursTotals.AnyAsync(ct) && await db.StudyLedger.AnyAsync(ct)) await RunAsync(ct);
    }

    public static void RegisterNightly(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<LearningFiguresJob>(RecurringId, j => j.RunAsync(CancellationToken.None), NightlyCron,
            new RecurringJobOptions { TimeZone = ChinaTime.Zone });
}
