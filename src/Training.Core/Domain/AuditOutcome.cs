namespace Training.Core.Domain;

/// <summary>Whether what an audit entry records was done or refused (等保 8.1.4.3: 事件的结果).</summary>
public enum AuditOutcome
{
    Done = 0,
    Refused = 1,
}
