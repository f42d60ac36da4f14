namespace Training.Web.Features.Learning.Courses.Quiz;

/// <summary>One question as typed in 题库 (names "Input.*"): options A–F, the answer as letters (判断: 正确/错误).</summary>
public sealed class QuestionForm
{
    public string? Kind { get; set; }
    public string? Stem { get; set; }
    public string?[] Options { get; set; } = new string?[6];
    public string? Answer { get; set; }
    public string? Explanation { get; set; }
}
