namespace Training.Core.Domain;

/// <summary>Who did what, when, from where, and with what outcome. Never holds an unmasked ID number or phone.</summary>
public class AuditEntry
{
    private AuditEntry() { UserName = Action = Detail = ""; }

    public AuditEntry(string userName, string action, string detail, DateTime at, AuditOutcome outcome = AuditOutcome.Done)
    {
        UserName = userName;
        Action = action;
        Detail = detail;
        At = at;
        Outcome = outcome;
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string UserName { get; private set; }
    public string Action { get; private set; }
    public string Detail { get; private set; }
    public AuditOutcome Outcome { get; private set; }

    /// <summary>The client's address for what a request did; null for the command line and background jobs.</summary>
    public string? Source { get; private set; }

    /// <summary>Records the address of the request that made the entry (set once, when it is saved).</summary>
    public void ComesFrom(string source) => Source ??= source;
}
