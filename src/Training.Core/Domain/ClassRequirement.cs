namespace Training.Core.Domain;

/// <summary>A course a class's participants must have completed to graduate (LEARNING.md §6).</summary>
public sealed class ClassRequiredCourse
{
    private ClassRequiredCourse() { }

    internal ClassRequiredCourse(TrainingClass c, Course course)
    {
        Class = c;
        Course = course;
        CourseId = course.Id;
    }

    public int ClassId { get; private set; }
    public TrainingClass Class { get; private set; } = null!;
    public int CourseId { get; private set; }
    public Course Course { get; private set; } = null!;
}

/// <summary>A quiz lesson a class's participants must have passed to graduate (LEARNING.md §6).</summary>
public sealed class ClassRequiredQuiz
{
    private ClassRequiredQuiz() { }

    internal ClassRequiredQuiz(TrainingClass c, Lesson quiz)
    {
        Class = c;
        Lesson = quiz;
        LessonId = quiz.Id;
    }

    public int ClassId { get; private set; }
    public TrainingClass Class { get; private set; } = null!;
    public int LessonId { get; private set; }
    public Lesson Lesson { get; private set; } = null!;
}
