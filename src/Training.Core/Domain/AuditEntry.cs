namespace Training.Core.Domain;

/// <summary>Who did what, when. Never holds an unmasked ID number or phone.</summary>
public class AuditEntry
{
    private AuditEntry() { UserName = Action = Detail = ""; }

    public AuditEntry(string userName, string action, string detail, DateTime at)
    {
        UserName = userName;
        Action = action;
        Detail = detail;
        At = at;
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string UserName { get; private set; }
    public string Action { get; private set; }
    public string Detail { get; private set; }
}
