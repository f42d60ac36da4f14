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

    public int Id { get; private set; }
    public int ClassId { get; private set; }
    public TrainingClass Class { get; private set; } = null!;
    public int CourseId { get; private set; }
    public Course Course { get; private set; } = null!;
}
