namespace Training.Core.Domain;

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
