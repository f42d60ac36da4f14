using System.Text.Encodings.Web;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Degree.Graduation;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Web.Features.Learning.Offline;
using Training.Web.Features.Statistics;
using Training.Web.Infrastructure;

namespace Training.Web.Features.DataExchange.Import;

/// <summary>
/// Runs one uploaded spreadsheet (an <see cref="ImportRun"/> and its <see cref="ImportFile"/>)
/// through its importer and records the outcome on the run: counts, every error, or a fault.
/// Reentrant: a finished run is left alone; a run found Queued or Running (a worker that died)
/// is run again, which is safe because the importers write in one transaction and upsert.
/// </summary>
public sealed class ImportJob(
    TrainingDbContext db, IServiceScopeFactory scopes, RosterImport roster, GraduationImport graduation, OfflineHoursImport offline,
    IBackgroundJobClient jobs, TimeProvider clock, ILogger<ImportJob> log)
{
    /// <summary>Counts and errors as stored on the run; Chinese kept readable in the column.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A progress write at most this often, unless the stage changes.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(0.5);

    public const string AuditRoster = ImportTexts.AuditRoster;
    public const string AuditGraduation = ImportTexts.AuditGraduation;
    public const string AuditOfflineHours = OfflineTexts.ImportAudit;

    /// <summary>Hangfire's entry point. A failed import is recorded on the run, never retried: the user uploads again.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 1800)] // SQLite has one writer: imports one after another
    public async Task RunAsync(int importRunId, CancellationToken ct)
    {
        var run = await db.ImportRuns.SingleOrDefaultAsync(r => r.Id == importRunId, ct);
        if (run is null)
        {
            log.LogWarning(ImportTexts.MissingRunLog, importRunId);
            return;
        }
        if (run.State.IsFinished()) return;
        run.Start();
        await db.SaveChangesAsync(ct);
        var (kind, schoolId, unitId, actor) = (run.Kind, run.SchoolId, run.OrgUnitId, run.UploadedBy);
        // The importers share this context: they must not find the run tracked.
        db.ChangeTracker.Clear();

        ImportOutcome outcome;
        try
        {
            var content = await db.ImportFiles.AsNoTracking().Where(f => f.ImportRunId == importRunId).Select(f => f.Content).SingleAsync(ct);
            using var stream = new MemoryStream(content, writable: false);
            var progress = new RunProgress(scopes, importRunId, clock, log);
            outcome = kind switch
            {
                ImportKind.Roster => await roster.RunAsync(stream, progress, ct),
                ImportKind.Graduation => await graduation.RunAsync(stream,
                    schoolId ?? throw new InvalidOperationException(ImportTexts.NoSchool(importRunId)), actor, progress, ct),
                ImportKind.OfflineHours => await offline.RunAsync(stream,
                    unitId ?? throw new InvalidOperationException(ImportTexts.NoUnit(importRunId)), OfflineTexts.ImportedBy(actor), importRunId, progress, ct),
                _ => throw new InvalidOperationException(ImportTexts.UnknownKind(kind)),
            };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw; // shutting down: Hangfire queues the job again and the run is done once more
        }
        catch (Exception e)
        {
            log.LogError(e, ImportTexts.FailedLog, importRunId);
            var message = e is DomainException ? e.Message : ImportTexts.Unexpected(e.Message);
            await RecordFaultAsync(importRunId, message, ct);
            return;
        }
        await RecordAsync(importRunId, outcome, ct);
    }

    /// <summary>
    /// Stores what the importer answered (counts, or every error), audits it, and after a
    /// successful roster or graduation import queues the statistics snapshot (graduations change the
    /// figures too; offline hours are in the ledger, whose figures follow it).
    /// Through a context of its own: the importer's may hold a rolled-back transaction.
    /// </summary>
    public async Task RecordAsync(int importRunId, ImportOutcome outcome, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var run = await own.ImportRuns.SingleAsync(r => r.Id == importRunId, ct);
        var now = clock.UtcNow();
        string detail;
        if (outcome.Succeeded)
        {
            run.Succeed(JsonSerializer.Serialize(outcome.Counts, Json), now);
            detail = ImportTexts.Imported(run.FileName, CountsText(outcome.Counts));
        }
        else
        {
            run.Reject(JsonSerializer.Serialize(outcome.Errors, Json), outcome.Errors.Count, now);
            detail = ImportTexts.Refused(run.FileName, outcome.Errors.Count);
        }
        own.Audit.Add(new AuditEntry(run.UploadedBy, AuditAction(run.Kind), detail, now));
        await own.SaveChangesAsync(ct);
        await ForgetImportFilesJob.ForgetAsync(own, own.ImportRuns.Where(r => r.Id == importRunId), now, ct);
        if (outcome.Succeeded && run.Kind != ImportKind.OfflineHours) ComputeSnapshotJob.EnqueueAfterImport(jobs, clock);
    }

    private async Task RecordFaultAsync(int importRunId, string message, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var run = await own.ImportRuns.SingleAsync(r => r.Id == importRunId, ct);
        var now = clock.UtcNow();
        run.Fail(message, now);
        own.Audit.Add(new AuditEntry(run.UploadedBy, AuditAction(run.Kind), ImportTexts.Faulted(run.FileName), now));
        await own.SaveChangesAsync(ct);
        await ForgetImportFilesJob.ForgetAsync(own, own.ImportRuns.Where(r => r.Id == importRunId), now, ct);
    }

    public static string AuditAction(ImportKind kind) => kind switch
    {
        ImportKind.Graduation => AuditGraduation,
        ImportKind.OfflineHours => AuditOfflineHours,
        _ => AuditRoster,
    };

    /// <summary>"新增 3、更新 1、未变 0（组织 新增 1 …；人员 …）"</summary>
    public static string CountsText(IReadOnlyList<SheetCounts> counts, bool perSheet = true) =>
        ImportTexts.Counts(counts, perSheet);

    public static IReadOnlyList<SheetCounts> ReadCounts(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<SheetCounts>>(json, Json) ?? [];

    public static IReadOnlyList<ImportError> ReadErrors(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<ImportError>>(json, Json) ?? [];

    /// <summary>Queues the job for a stored run; returns Hangfire's job id.</summary>
    public static string Enqueue(IBackgroundJobClient jobs, int importRunId) =>
        jobs.Enqueue<ImportJob>(j => j.RunAsync(importRunId, CancellationToken.None));

    /// <summary>
    /// Writes percent and stage to the run's row for the page to poll, through a context of its
    /// own (the importer's may be mid-read), at most every half second unless the stage changes.
    /// The importers report only outside their write transaction, so this never waits on it.
    /// </summary>
    public sealed class RunProgress(IServiceScopeFactory scopes, int runId, TimeProvider clock, ILogger log) : IProgress<ImportProgress>
    {
        private string? _stage;
        private long _last;

        public void Report(ImportProgress value)
        {
            var now = clock.GetTimestamp();
            if (value.Stage == _stage && clock.GetElapsedTime(_last, now) < ProgressInterval) return;
            _stage = value.Stage;
            _last = now;
            var percent = Math.Clamp(value.Percent, 0, 99); // 100 only when the outcome is stored
            var stage = value.Stage.Length > 50 ? value.Stage[..50] : value.Stage;
            try
            {
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<TrainingDbContext>().ImportRuns
                    .Where(r => r.Id == runId && r.State == RunState.Running)
                    .ExecuteUpdate(s => s.SetProperty(r => r.Percent, percent).SetProperty(r => r.Stage, stage));
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // A missed progress step only makes the bar lag; the import goes on.
                log.LogWarning(e, ImportTexts.ProgressNotSavedLog, runId);
            }
        }
    }
}
