namespace Training.Core.Domain;

/// <summary>Mainland mobile numbers: 11 digits starting with 1.</summary>
public static class Phone
{
    public static string? Normalize(string? text)
    {
        var s = (text ?? "").Trim().Replace(" ", "").Replace("-", "");
        if (s.Length == 0) return null;
        if (s.Length != 11 || s[0] != '1' || !s.All(char.IsAsciiDigit))
            throw new DomainException($"手机号应为以 1 开头的 11 位数字，“{text?.Trim()}”不符合。");
        return s;
    }

    /// <summary>138****5678</summary>
    public static string Mask(string? phone) =>
        string.IsNullOrEmpty(phone) || phone.Length < 7 ? "" : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
