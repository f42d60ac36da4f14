namespace Training.Core.Domain;

/// <summary>
/// An in-app message to a person (a trainee): its application moved, or a reminder of a course it is
/// assigned (with the course to open). Stored first, so that an SMS or e-mail sender added later can
/// deliver what is here without changing the workflow.
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

    /// <summary>A message about a course (a learning reminder): the page offers the course.</summary>
    public static Notification AboutCourse(int personId, int courseId, string text, DateTime createdAt) =>
        new(personId, null, text, createdAt) { CourseId = courseId };

    public long Id { get; private set; }
    public int PersonId { get; private set; }
    public int? EnrollmentId { get; private set; }
    /// <summary>The course a reminder is about, linked from the message.</summary>
    public int? CourseId { get; private set; }
    public string Text { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime at) => ReadAt ??= at;
}
