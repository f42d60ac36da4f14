using Hangfire;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;

namespace Training.Web.Features.DataExchange.Exports;

/// <summary>
/// Hourly: deletes the files of exports whose time is up and marks their runs expired (the runs stay
/// for the record), and sweeps files no run points at (a job killed mid-write, a run written twice).
/// Reentrant: a file already gone is simply marked; a second run finds nothing left to do.
/// </summary>
public sealed class ExpireExportsJob(TrainingDbContext db, ExportStorage storage, TimeProvider clock, ILogger<ExpireExportsJob> log)
{
    public const string RecurringId = "exports-expiry";

    /// <summary>A file nobody points at is left this long (a job may be between writing it and recording it).</summary>
    public static readonly TimeSpan OrphanAge = TimeSpan.FromHours(6);

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.UtcNow();
        var due = await db.ExportRuns
            .Where(r => !r.Expired && r.State == RunState.Succeeded && r.ExpiresAt <= now)
            .ToListAsync(ct);
        foreach (var run in due)
        {
            if (run.StoredName is { } name) DeleteFile(storage.PathOf(name));
            run.Expire();
        }
        await db.SaveChangesAsync(ct);

        var kept = (await db.ExportRuns.AsNoTracking().Where(r => r.StoredName != null).Select(r => r.StoredName!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var orphans = 0;
        foreach (var file in new DirectoryInfo(storage.Folder).EnumerateFiles())
        {
            var name = file.Name.EndsWith(ExportStorage.PartSuffix, StringComparison.Ordinal) ? file.Name[..^ExportStorage.PartSuffix.Length] : file.Name;
            if (!ExportStorage.IsStoredName(name) || kept.Contains(file.Name)) continue;
            if (now - file.LastWriteTimeUtc < OrphanAge) continue;
            DeleteFile(file.FullName);
            orphans++;
        }
        if (due.Count > 0 || orphans > 0)
            log.LogInformation(DataExchangeTexts.ExpiredLog, due.Count, orphans);
    }

    private void DeleteFile(string path)
    {
        try { File.Delete(path); }
        catch (IOException ex) { log.LogWarning(ex, DataExchangeTexts.NotDeletedLog, Path.GetFileName(path)); }
        catch (UnauthorizedAccessException ex) { log.LogWarning(ex, DataExchangeTexts.NotDeletedLog, Path.GetFileName(path)); }
    }

    /// <summary>Every hour, under a constant id (registering again only updates it).</summary>
    public static void RegisterHourly(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<ExpireExportsJob>(RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
}
