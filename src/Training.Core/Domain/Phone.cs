namespace Training.Core.Domain;

/// <summary>Mainland mobile numbers: 11 digits starting with 1.</summary>
public static class Phone
{
    /// <summary>The number without spaces or dashes (null when none was given); a wrong one breaks the rule.</summary>
    public static string? Normalize(string? text) =>
        TryNormalize(text, out var phone, out var error) ? phone : throw new DomainException(error!, nameof(Person.Phone));

    /// <summary>The same check for a form or a spreadsheet row, which reports a wrong number beside its field instead of stopping.</summary>
    public static bool TryNormalize(string? text, out string? phone, out string? error)
    {
        phone = null;
        error = null;
        var s = (text ?? "").Trim().Replace(" ", "").Replace("-", "");
        if (s.Length == 0) return true;
        if (s.Length != 11 || s[0] != '1' || !s.All(char.IsAsciiDigit))
        {
            error = $"手机号应为以 1 开头的 11 位数字，“{text?.Trim()}”不符合。";
            return false;
        }
        phone = s;
        return true;
    }

    /// <summary>138****5678</summary>
    public static string Mask(string? phone) =>
        string.IsNullOrEmpty(phone) || phone.Length < 7 ? "" : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
