using Hangfire;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;

namespace Training.Web.Features.DataExchange.Exports;

/// <summary>
/// Writes one <see cref="ExportRun"/>'s file. Thin and idempotent: a finished run is left as it
/// is; a run found 进行中 (its worker died or the server stopped) is written again from the start.
/// The file is written under a random name with <see cref="ExportStorage.PartSuffix"/> and renamed
/// when complete, so a download never sees half a file; a fault deletes it and marks the run 出错.
/// </summary>
public sealed class ExportJob(TrainingDbContext db, IServiceScopeFactory scopes, ExportStorage storage, TimeProvider clock, ILogger<ExportJob> log)
{
    /// <summary>A fault is final (the user can ask again); a server shutdown is not a fault and Hangfire runs the job again.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int exportRunId, CancellationToken ct)
    {
        var run = await db.ExportRuns.SingleOrDefaultAsync(r => r.Id == exportRunId, ct);
        if (run is null || run.State.IsFinished()) return;
        run.Start();
        await db.SaveChangesAsync(ct);

        var storedName = ExportStorage.NewStoredName();
        var finalPath = storage.PathOf(storedName);
        var partPath = finalPath + ExportStorage.PartSuffix;
        try
        {
            var rows = await WriteAsync(run.Kind, run.ScopeUnitId, run.Unmasked, partPath, (p, token) => ReportAsync(exportRunId, p, token), ct);
            File.Move(partPath, finalPath);
            run.Succeed(storedName, rows, clock.UtcNow(), storage.KeepFor);
            await db.SaveChangesAsync(CancellationToken.None);
            log.LogInformation(DataExchangeTexts.ExportedLog, exportRunId, rows);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the run stays 进行中 and is written again when Hangfire retries the job.
            TryDelete(partPath);
            throw;
        }
        catch (Exception ex)
        {
            TryDelete(partPath);
            TryDelete(finalPath);
            log.LogError(ex, DataExchangeTexts.ExportFailedLog, exportRunId);
            await using var scope = scopes.CreateAsyncScope();
            var fresh = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
            var failed = await fresh.ExportRuns.SingleAsync(r => r.Id == exportRunId, CancellationToken.None);
            failed.Fail(DataExchangeTexts.ExportFailed, clock.UtcNow());
            await fresh.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>The writer of each kind (also what the benchmark calls).</summary>
    public static Task<int> WriteAsync(ExportKind kind, int scopeUnitId, bool unmasked, string path, TrainingDbContext db,
        ExportProgressCallback? progress, CancellationToken ct) => kind switch
    {
        ExportKind.Enrollments => EnrollmentListExport.WriteAsync(db, scopeUnitId, unmasked, path, progress, ct),
        ExportKind.Roster => RosterExport.WriteAsync(db, scopeUnitId, unmasked, path, progress, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private Task<int> WriteAsync(ExportKind kind, int scopeUnitId, bool unmasked, string path, ExportProgressCallback progress, CancellationToken ct) =>
        WriteAsync(kind, scopeUnitId, unmasked, path, db, progress, ct);

    /// <summary>
    /// Progress through a context of its own: the job's context is busy streaming the rows (SQL Server
    /// without MARS allows one command at a time on a connection).
    /// </summary>
    private async Task ReportAsync(int runId, ExportProgress progress, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var progressDb = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        await progressDb.ExportRuns.Where(r => r.Id == runId && r.State == RunState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Percent, progress.Percent).SetProperty(r => r.Rows, progress.Rows), ct);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public static string Enqueue(IBackgroundJobClient jobs, int exportRunId) =>
        jobs.Enqueue<ExportJob>(j => j.RunAsync(exportRunId, CancellationToken.None));
}
