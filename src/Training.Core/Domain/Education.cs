namespace Training.Core.Domain;

/// <summary>Highest education (学历), ordered so that a larger value is a higher level.</summary>
public enum Education
{
    JuniorOrBelow = 1, // 初中及以下
    HighSchool = 2,    // 高中/中专
    Associate = 3,     // 大专
    Bachelor = 4,      // 本科
    Postgraduate = 5,  // 研究生
}

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

/// <summary>Why a person's education record exists.</summary>
public enum EducationSource
{
    Recorded = 1,   // 登记：the base level entered or imported
    Graduation = 2, // 毕业：raised by a graduation on a date
    Correction = 3, // 更正：changed by an administrator
}
