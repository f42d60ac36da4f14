namespace Training.Core.Domain;

/// <summary>
/// One lesson of a course (LEARNING.md §1), in the course's order; required for the course's
/// completion unless optional. Its duration is never typed for a text (from its length) or a
/// video (read from the file); a file's is the author's, within 3 minutes a page.
/// </summary>
public sealed class Lesson
{
    public const int MaxTitle = 100;

    private Lesson() { }

    internal Lesson(Course course, string title, LessonKind kind, int durationSeconds, bool optional, int order)
    {
        Course = course;
        Title = title;
        Kind = kind;
        DurationSeconds = durationSeconds;
        Optional = optional;
        Order = order;
    }

    public int Id { get; private set; }
    public int CourseId { get; private set; }
    public Course Course { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public LessonKind Kind { get; private set; }
    public int DurationSeconds { get; private set; }
    public bool Optional { get; private set; }
    /// <summary>1, 2, 3 … within the course.</summary>
    public int Order { get; internal set; }

    /// <summary>A lesson's 学时 by its duration band; a quiz's are the course's quiz bonus, an external video earns none by time.</summary>
    public decimal Hours => Kind is LessonKind.Quiz or LessonKind.ExternalVideo ? 0 : StudyHours.ForLesson(DurationSeconds);
}
