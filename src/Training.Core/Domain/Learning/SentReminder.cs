namespace Training.Core.Domain;

/// <summary>
/// The key of a reminder sent (person, assignment, kind), unique in the database: the daily job adds
/// the key with the notification in one transaction, so a rerun, a second node or a run cut short
/// never sends the same reminder twice. A kind skipped (someone assigned after the deadline gets only
/// the overdue reminder) is recorded too, so it is never sent late.
/// </summary>
public sealed class SentReminder
{
    private SentReminder() { }

    public SentReminder(int personId, int assignmentId, ReminderKind kind, DateTime sentAt)
    {
        PersonId = personId;
        AssignmentId = assignmentId;
        Kind = kind;
        SentAt = sentAt;
    }

    public long Id { get; private set; }
    public int PersonId { get; private set; }
    public int AssignmentId { get; private set; }
    public ReminderKind Kind { get; private set; }
    public DateTime SentAt { get; private set; }
}
