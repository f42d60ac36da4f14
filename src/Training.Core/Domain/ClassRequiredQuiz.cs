namespace Training.Core.Domain;

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

    public int Id { get; private set; }
    public int ClassId { get; private set; }
    public TrainingClass Class { get; private set; } = null!;
    public int LessonId { get; private set; }
    public Lesson Lesson { get; private set; } = null!;
}
