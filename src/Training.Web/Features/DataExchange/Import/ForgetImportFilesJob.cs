using Hangfire;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;

namespace Training.Web.Features.DataExchange.Import;

/// <summary>
/// Issue 16 §6 (PIPL Art. 19, 47): an uploaded roster holds full ID numbers and phones, so it is kept only while it is
/// needed — deleted when its import ends, or, when the import was rejected, once its error workbook has been
/// downloadable for <see cref="ImportRun.RejectedFileKept"/>. <see cref="ImportJob"/> forgets its own run's file at the
/// end; this job, hourly, the rejected ones whose week is over and any a crash left behind. The run stays, with its
/// counts and its errors (which name rows and masked ID numbers only). Idempotent.
/// </summary>
public sealed class ForgetImportFilesJob(TrainingDbContext db, TimeProvider clock, ILogger<ForgetImportFilesJob> log)
{
    public const string RecurringId = "import-files-retention";

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var forgotten = await ForgetAsync(db, db.ImportRuns, clock.UtcNow(), ct);
        if (forgotten > 0) log.LogInformation(ImportTexts.FilesForgottenLog, forgotten);
        return forgotten;
    }

    /// <summary>Deletes the files of those of <paramref name="runs"/> that are due and marks them; how many.</summary>
    public static async Task<int> ForgetAsync(TrainingDbContext db, IQueryable<ImportRun> runs, DateTime now, CancellationToken ct)
    {
        var due = await runs.Where(ImportRun.FileDueAt(now)).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var ids = due.Select(r => r.Id).ToList();
        // Files first, then the marks: stopped between the two, the next run finds the runs due again and no file left.
        await db.ImportFiles.Where(f => ids.Contains(f.ImportRunId)).ExecuteDeleteAsync(ct);
        foreach (var run in due) run.FileDeleted(now);
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    public static void RegisterHourly(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<ForgetImportFilesJob>(RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Hourly(20));
}
