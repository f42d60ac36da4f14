using System.Linq.Expressions;

namespace Training.Core.Domain;

/// <summary>
/// One uploaded spreadsheet and what became of it. The web page stores the upload
/// (<see cref="ImportFile"/>), a Hangfire job takes the run's id, validates and writes all or
/// nothing, and reports progress here for the page to poll (any web node can answer the poll).
/// </summary>
public class ImportRun
{
    /// <summary>
    /// How long a rejected upload (full ID numbers and phones) is kept for its error workbook, at most (PIPL Art. 19:
    /// no longer than the purpose needs); every other upload is deleted as soon as the import ends.
    /// </summary>
    public static readonly TimeSpan RejectedFileKept = TimeSpan.FromDays(7);

    private ImportRun() { FileName = ""; UploadedBy = ""; Stage = ""; }

    public ImportRun(ImportKind kind, string fileName, string uploadedBy, int? schoolId, DateTime now, int? orgUnitId = null)
    {
        OrgUnitId = orgUnitId;
        Kind = kind;
        FileName = fileName.Length > 200 ? fileName[..200] : fileName;
        UploadedBy = uploadedBy;
        SchoolId = schoolId;
        State = RunState.Queued;
        Stage = "排队中";
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public ImportKind Kind { get; private set; }
    public string FileName { get; private set; }
    /// <summary>The account's user name (who, for the audit and for "my imports").</summary>
    public string UploadedBy { get; private set; }
    /// <summary>The registrar's school for a graduation list; null for a roster.</summary>
    public int? SchoolId { get; private set; }
    /// <summary>The uploader's org unit for a 线下学时 import: the persons it may name are those below it.</summary>
    public int? OrgUnitId { get; private set; }
    public RunState State { get; private set; }
    /// <summary>0–100, with <see cref="Stage"/> saying what is being done (读取 / 校验 / 写入).</summary>
    public int Percent { get; private set; }
    public string Stage { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    /// <summary>Counts per sheet when it succeeded (JSON written by the import feature).</summary>
    public string? CountsJson { get; private set; }
    /// <summary>Every bad row when it was rejected (JSON written by the import feature).</summary>
    public string? ErrorsJson { get; private set; }
    public int ErrorCount { get; private set; }
    /// <summary>What went wrong when it failed (not a bad row: a fault).</summary>
    public string? Message { get; private set; }
    /// <summary>When the uploaded file was deleted (<see cref="RejectedFileKept"/>); null while it is kept.</summary>
    public DateTime? FileDeletedAt { get; private set; }

    /// <summary>The uploaded file is no longer needed: the import ended, and a rejected one's week is over.</summary>
    public static Expression<Func<ImportRun, bool>> FileDueAt(DateTime now)
    {
        var rejectedBefore = now - RejectedFileKept;
        return r => r.FileDeletedAt == null && r.FinishedAt != null && (r.State != RunState.Rejected || r.FinishedAt <= rejectedBefore);
    }

    public void FileDeleted(DateTime now) => FileDeletedAt ??= now;

    /// <summary>Until when the error workbook can be downloaded.</summary>
    public static DateTime? FileKeptUntil(RunState state, DateTime? finishedAt) =>
        state == RunState.Rejected && finishedAt is { } at ? at + RejectedFileKept : null;

    public void Start() { State = RunState.Running; Stage = "读取"; Percent = 0; }

    public void Succeed(string countsJson, DateTime now)
    {
        State = RunState.Succeeded; Percent = 100; Stage = "完成"; CountsJson = countsJson; FinishedAt = now;
    }

    public void Reject(string errorsJson, int errorCount, DateTime now)
    {
        State = RunState.Rejected; Percent = 100; Stage = "完成"; ErrorsJson = errorsJson; ErrorCount = errorCount; FinishedAt = now;
    }

    public void Fail(string message, DateTime now)
    {
        State = RunState.Failed; Stage = "出错"; Message = message.Length > 1000 ? message[..1000] : message; FinishedAt = now;
    }
}
