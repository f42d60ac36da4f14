using Hangfire;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Learning.Reports;

/// <summary>
/// Rebuilds the 学时 aggregates (<see cref="Core.Domain.StudyHoursTotal"/>) from the ledger, nightly: the
/// rows are deleted and summed again in one transaction (<see cref="LedgerTotals.RebuildAsync"/>, the
/// statistics snapshot's write-then-swap), so a run killed midway leaves the previous rows and a second
/// run writes the same rows; the report's <see cref="Core.Domain.LearningTally"/> rows are dropped in that
/// transaction and the year's are counted again for the new day (<see cref="LearningTallies.RecountAllAsync"/>;
/// killed before that, the report counts them when asked). The ledger keeps both current between runs; the
/// job repairs anything that bypassed SaveChanges (the demo's fast writer, a hand edit).
/// </summary>
public sealed class LearningFiguresJob(TrainingDbContext db, LearningReport report, TimeProvider clock, IConfiguration config, ILogger<LearningFiguresJob> log)
{
    /// <summary>Setting that turns the minute's warming off (the tests, which look at stale rows on purpose).</summary>
    public const string WarmSetting = "Learning:WarmReportRows";

    public const string RecurringId = "learning-figures-nightly";
    /// <summary>00:05 every day, Guangzhou time: the day's categories and deadlines are counted before anyone asks.</summary>
    public const string NightlyCron = "5 0 * * *";

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var rows = await LedgerTotals.RebuildAsync(db, ct);
        var today = clock.Today();
        var units = await new LearningTallies(db, report, log).RecountAllAsync(today.Year, today, ct);
        log.LogInformation(ReportTexts.RebuiltLog, rows, units);
        return rows;
    }

    /// <summary>Once the database is migrated: a database whose ledger predates the aggregates gets them now.</summary>
    public async Task FillIfMissingAsync(CancellationToken ct)
    {
        if (!await db.StudyHoursTotals.AnyAsync(ct) && await db.StudyLedger.AnyAsync(ct)) await RunAsync(ct);
    }

    public const string WarmId = "learning-figures-warm";
    /// <summary>Every minute.</summary>
    public const string WarmCron = "* * * * *";

    /// <summary>
    /// Counts again this year's rows a save made stale (<see cref="LearningTallies.CurrentAsync"/> for every unit):
    /// after an assignment or a year's targets made every row stale, the next report finds them counted within a
    /// minute instead of counting the city itself. Reads the rows and does nothing more when none is stale.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 50)]
    public async Task<int> WarmAsync(CancellationToken ct)
    {
        if (!config.GetValue(WarmSetting, true)) return 0;
        var today = clock.Today();
        var units = await db.OrgUnits.AsNoTracking().Select(u => u.Id).ToListAsync(ct);
        return (await new LearningTallies(db, report, log).CurrentAsync("/", units, today.Year, today, ct)).Count;
    }

    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<LearningFiguresJob>(RecurringId, j => j.RunAsync(CancellationToken.None), NightlyCron,
            new RecurringJobOptions { TimeZone = ChinaTime.Zone });
        jobs.AddOrUpdate<LearningFiguresJob>(WarmId, j => j.WarmAsync(CancellationToken.None), WarmCron,
            new RecurringJobOptions { TimeZone = ChinaTime.Zone });
    }
}
