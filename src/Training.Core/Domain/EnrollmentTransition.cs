namespace Training.Core.Domain;

/// <summary>One step of an application's life: who, when, from which state to which, and the comment.</summary>
public class EnrollmentTransition
{
    private EnrollmentTransition() { Actor = Comment = ""; }

    internal EnrollmentTransition(EnrollmentAction action, EnrollmentState from, EnrollmentState to,
        string actor, string comment, DateOnly on, DateTime at)
    {
        Action = action;
        From = from;
        To = to;
        Actor = actor;
        Comment = comment;
        On = on;
        At = at;
    }

    public long Id { get; private set; }
    public int EnrollmentId { get; private set; }
    public EnrollmentAction Action { get; private set; }
    public EnrollmentState From { get; private set; }
    public EnrollmentState To { get; private set; }
    /// <summary>The acting account's user name (and display name), never a personal ID.</summary>
    public string Actor { get; private set; }
    public string Comment { get; private set; }
    /// <summary>The Guangzhou calendar day of the step: what the statistics of §8 date it by.</summary>
    public DateOnly On { get; private set; }
    public DateTime At { get; private set; }
}
