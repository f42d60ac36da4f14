namespace Training.Core.Domain;

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
