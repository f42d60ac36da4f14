namespace Training.Web.Features.Learning.Courses.Lessons;

/// <summary>What the lesson forms post (names "Input.*"): the rules are the course's verbs, which answer beside these fields.</summary>
public sealed class LessonForm
{
    public string? Title { get; set; }
    public bool Optional { get; set; }
    /// <summary>A text's Markdown.</summary>
    public string? Body { get; set; }
    /// <summary>An external video's address.</summary>
    public string? Url { get; set; }
}
