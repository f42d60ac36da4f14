namespace Training.Core.Domain;

/// <summary>
/// An in-app message to a person (a trainee) about their application. Stored first, so that
/// an SMS or e-mail sender added later can deliver what is here without changing the workflow.
/// </summary>
public class Notification
{
    private Notification() { Text = ""; }

    public Notification(int personId, int? enrollmentId, string text, DateTime createdAt)
    {
        PersonId = personId;
        EnrollmentId = enrollmentId;
        Text = text;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public int PersonId { get; private set; }
    public int? EnrollmentId { get; private set; }
    public string Text { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime at) => ReadAt ??= at;
}
