namespace Training.Core.Domain;

public static class EducationNames
{
    public static readonly IReadOnlyList<(Education Value, string Name)> All =
    [
        (Education.JuniorOrBelow, "初中及以下"),
        (Education.HighSchool, "高中/中专"),
        (Education.Associate, "大专"),
        (Education.Bachelor, "本科"),
        (Education.Postgraduate, "研究生"),
    ];

    public static string Name(this Education e) => All.First(x => x.Value == e).Name;

    public static Education? Parse(string? text)
    {
        var t = text?.Trim();
        foreach (var (value, name) in All)
            if (name == t) return value;
        return null;
    }

    /// <summary>"大专以上" = 大专 or higher.</summary>
    public static bool IsAssociateOrAbove(this Education e) => e >= Education.Associate;
}
