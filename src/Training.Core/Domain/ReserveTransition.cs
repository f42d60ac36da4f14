namespace Training.Core.Domain;

/// <summary>One step of a reserve candidate's life (村推 → 镇选 → 区考察 → 任用/退出): who, when, from, to, comment.</summary>
public class ReserveTransition
{
    private ReserveTransition() { Actor = Comment = ""; }

    public ReserveTransition(ReserveAction action, ReserveState? from, ReserveState to, string actor, string comment, DateOnly on, DateTime at)
    {
        Action = action;
        From = from;
        To = to;
        Actor = actor;
        Comment = comment;
        On = on;
        At = at;
    }

    public int Id { get; private set; }
    public int ReserveId { get; private set; }
    public ReserveAction Action { get; private set; }
    /// <summary>Null for the first step (the recommendation).</summary>
    public ReserveState? From { get; private set; }
    public ReserveState To { get; private set; }
    public string Actor { get; private set; }
    public string Comment { get; private set; }
    /// <summary>The Guangzhou day the step counts from.</summary>
    public DateOnly On { get; private set; }
    /// <summary>When it was recorded (UTC).</summary>
    public DateTime At { get; private set; }
}
