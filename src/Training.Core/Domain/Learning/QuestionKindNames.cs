namespace Training.Core.Domain;

/// <summary>A question kind's Chinese name, and reading it back from a spreadsheet (with or without 题).</summary>
public static class QuestionKindNames
{
    public static readonly IReadOnlyList<(QuestionKind Value, string Name)> All =
    [
        (QuestionKind.Single, "单选题"),
        (QuestionKind.Multiple, "多选题"),
        (QuestionKind.TrueFalse, "判断题"),
    ];

    public static string Name(this QuestionKind kind) => All.First(x => x.Value == kind).Name;

    /// <summary>Accepts 单选题/多选题/判断题 and the short 单选/多选/判断, spaces around ignored.</summary>
    public static bool TryParse(string? text, out QuestionKind kind)
    {
        var t = text?.Trim() ?? "";
        foreach (var (value, name) in All)
        {
            if (t == name || t == name[..^1])
            {
                kind = value;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
