using Training.Core.Domain;

namespace Training.Web.Features.Learning.Courses.Quiz;

/// <summary>
/// A course's question bank as a spreadsheet (LEARNING.md §4): the sheet, its headers in this
/// order, and the words its cells hold. An option's header is the domain's own name for it
/// (选项A …), so a rule broken about an option names its column.
/// </summary>
public static class QuestionColumns
{
    public const string Sheet = "题库";

    public const string Kind = "题型", Stem = "题目", Answer = "答案", Explanation = "解析";

    /// <summary>选项A–F: the sheet offers six of the <see cref="Question.MaxOptions"/> options a question may have.</summary>
    public static readonly IReadOnlyList<string> Options = ["选项A", "选项B", "选项C", "选项D", "选项E", "选项F"];

    public static readonly IReadOnlyList<string> All = [Kind, Stem, .. Options, Answer, Explanation];

    /// <summary>单选题, 多选题, 判断题 (the short 单选 … is read too).</summary>
    public static readonly IReadOnlyList<string> KindNames = [.. QuestionKindNames.All.Select(k => k.Name)];
}
