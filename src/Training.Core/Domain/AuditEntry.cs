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

    /// <summary>The entry's place in the sealed chain (1, 2, 3, … without gaps); null until the seal job reaches it.</summary>
    public long? ChainIndex { get; private set; }

    /// <summary>The seal of the entry before it in the chain ("" for the first one ever).</summary>
    public string? PreviousSeal { get; private set; }

    /// <summary>A keyed hash (HMAC-SHA256, hex) of the entry's every field, its place and <see cref="PreviousSeal"/>: an edit, a
    /// removal or a reordering breaks it, and nobody without the key can make a new one.</summary>
    public string? Seal { get; private set; }

    /// <summary>Puts the entry into the chain, once.</summary>
    public void Sealed(long chainIndex, string previousSeal, string seal)
    {
        if (ChainIndex is not null) throw new InvalidOperationException($"Audit entry {Id} is sealed already.");
        ChainIndex = chainIndex;
        PreviousSeal = previousSeal;
        Seal = seal;
    }
}
