namespace Training.Core.Domain;

/// <summary>What a reminder of an assignment is about (LEARNING.md §8), in the order they fall due.</summary>
public enum ReminderKind
{
    /// <summary>新学习任务: the person is assigned the course.</summary>
    NewAssignment = 1,
    /// <summary>Seven days before the deadline.</summary>
    DueSoon = 2,
    /// <summary>已逾期: the deadline passed.</summary>
    Overdue = 3,
}

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
