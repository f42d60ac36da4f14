namespace Training.Core.Domain;

/// <summary>The four grades used for a mentor's evaluation and a shadowing evaluation.</summary>
public enum Rating
{
    Excellent = 1, // 优秀
    Good = 2,      // 良好
    Adequate = 3,  // 合格
    Poor = 4,      // 不合格
}

public static class RatingNames
{
    public static string Name(this Rating r) => r switch
    {
        Rating.Excellent => "优秀",
        Rating.Good => "良好",
        Rating.Adequate => "合格",
        Rating.Poor => "不合格",
        _ => r.ToString(),
    };

    public static readonly IReadOnlyList<Rating> All = [Rating.Excellent, Rating.Good, Rating.Adequate, Rating.Poor];
}

/// <summary>Free text of the reserve-development records: required where asked, trimmed, bounded.</summary>
internal static class RecordText
{
    public const int Max = 1000;

    public static string Required(string? text, string what)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0) throw new DomainException($"请填写{what}。");
        return t.Length > Max ? throw new DomainException($"{what}不能超过{Max}字。") : t;
    }

    public static string Short(string? text, string what, int max)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0) throw new DomainException($"请填写{what}。");
        return t.Length > max ? throw new DomainException($"{what}不能超过{max}字。") : t;
    }

    public static void RequireDefined(Rating rating)
    {
        if (!Enum.IsDefined(rating)) throw new DomainException("请选择评价等次：优秀、良好、合格或不合格。");
    }
}
