namespace Training.Core.Domain;

/// <summary>Where a background spreadsheet run (import or export) stands.</summary>
public enum RunState
{
    Queued = 1,    // 排队中
    Running = 2,   // 进行中
    Succeeded = 3, // 已完成
    Rejected = 4,  // 文件有错误，未做任何修改 (imports only)
    Failed = 5,    // 出错 (an unexpected error; nothing was changed)
}

public static class RunStateNames
{
    public static string Name(this RunState s) => s switch
    {
        RunState.Queued => "排队中",
        RunState.Running => "进行中",
        RunState.Succeeded => "已完成",
        RunState.Rejected => "有错误，未导入",
        RunState.Failed => "出错",
        _ => s.ToString(),
    };

    public static bool IsFinished(this RunState s) => s is RunState.Succeeded or RunState.Rejected or RunState.Failed;
}

public enum ImportKind
{
    Roster = 1,     // 花名册导入 (CityAdmin)
    Graduation = 2, // 毕业名单导入 (SchoolRegistrar)
}

/// <summary>
/// One uploaded spreadsheet and what became of it. The web page stores the upload
/// (<see cref="ImportFile"/>), a Hangfire job takes the run's id, validates and writes all or
/// nothing, and reports progress here for the page to poll (any web node can answer the poll).
/// </summary>
public class ImportRun
{
    private ImportRun() { FileName = ""; UploadedBy = ""; Stage = ""; }

    public ImportRun(ImportKind kind, string fileName, string uploadedBy, int? schoolId, DateTime now)
    {
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

/// <summary>The bytes of an uploaded file, apart from its run so that polling never loads them.</summary>
public class ImportFile
{
    private ImportFile() { Content = []; }

    public ImportFile(int importRunId, byte[] content)
    {
        ImportRunId = importRunId;
        Content = content;
    }

    public int ImportRunId { get; private set; }
    public byte[] Content { get; private set; }
}

public enum ExportKind
{
    Enrollments = 1, // 报名名单
    Roster = 2,      // 人员花名册 (the roster import's sheets)
}

/// <summary>
/// One export written in the background: progress for the page to poll, then a file in the
/// shared export folder to download until it expires (then the file is deleted).
/// </summary>
public class ExportRun
{
    private ExportRun() { ScopeLabel = ""; RequestedBy = ""; DownloadName = ""; }

    public ExportRun(ExportKind kind, int scopeUnitId, string scopeLabel, string requestedBy, bool unmasked, string downloadName, DateTime now)
    {
        Kind = kind;
        ScopeUnitId = scopeUnitId;
        ScopeLabel = scopeLabel;
        RequestedBy = requestedBy;
        Unmasked = unmasked;
        DownloadName = downloadName;
        State = RunState.Queued;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public ExportKind Kind { get; private set; }
    public int ScopeUnitId { get; private set; }
    /// <summary>"白云区（440111）"</summary>
    public string ScopeLabel { get; private set; }
    public string RequestedBy { get; private set; }
    /// <summary>Whether ID numbers and phones leave unmasked (CityAdmin / DistrictStaff in their scope).</summary>
    public bool Unmasked { get; private set; }
    /// <summary>The file name the browser saves (报名名单_440111_20261125.xlsx).</summary>
    public string DownloadName { get; private set; }
    /// <summary>The file's name in the export folder (random, never derived from user input); null until written.</summary>
    public string? StoredName { get; private set; }
    public RunState State { get; private set; }
    public int Percent { get; private set; }
    public int Rows { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    public DateTime? ExpiresAt { get; private set; }
    public bool Expired { get; private set; }
    public string? Message { get; private set; }

    public void Start() { State = RunState.Running; Percent = 0; }

    public void Succeed(string storedName, int rows, DateTime now, TimeSpan keepFor)
    {
        State = RunState.Succeeded; Percent = 100; StoredName = storedName; Rows = rows; FinishedAt = now; ExpiresAt = now + keepFor;
    }

    public void Fail(string message, DateTime now)
    {
        State = RunState.Failed; Message = message.Length > 1000 ? message[..1000] : message; FinishedAt = now;
    }

    /// <summary>The file was deleted; the run stays for the record.</summary>
    public void Expire() { Expired = true; StoredName = null; }

    public bool IsDownloadable(DateTime now) => State == RunState.Succeeded && !Expired && StoredName is not null && ExpiresAt > now;
}
