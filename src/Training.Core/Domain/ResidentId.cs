using System.Diagnostics.CodeAnalysis;

namespace Training.Core.Domain;

/// <summary>
/// 18-character resident ID number (GB 11643-1999). Checks the ISO 7064 MOD 11-2 check
/// character, the date of birth and the province code. The county code is deliberately not
/// checked: an ID keeps the code of the county that issued it, and county codes change
/// (440102 东山区 was merged into 越秀区 in 2005, yet its IDs are valid).
/// </summary>
public readonly record struct ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
        41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71,
        81, 82, 83, // residence permits of Hong Kong, Macao and Taiwan residents
    ];

    private ResidentId(string value, DateOnly birthDate, Sex sex)
    {
        Value = value;
        BirthDate = birthDate;
        Sex = sex;
    }

    public string Value { get; }
    public DateOnly BirthDate { get; }
    public Sex Sex { get; }

    public override string ToString() => Value;

    /// <summary>440103********123X: the first six and last four characters stay visible.</summary>
    public static string Mask(string? id) =>
        string.IsNullOrEmpty(id) || id.Length < 10 ? "" : id[..6] + new string('*', id.Length - 10) + id[^4..];

    public static ResidentId Parse(string? text, DateOnly today) =>
        TryParse(text, today, out var id, out var error) ? id : throw new DomainException(error);

    public static bool TryParse(string? text, DateOnly today, out ResidentId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        var s = (text ?? "").Trim().ToUpperInvariant();
        if (s.Length == 0) { error = "身份证号不能为空。"; return false; }
        if (s.Length != 18) { error = $"身份证号应为 18 位，现为 {s.Length} 位。"; return false; }
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(s[i])) { error = "身份证号前 17 位应全为数字。"; return false; }
        if (!char.IsAsciiDigit(s[17]) && s[17] != 'X') { error = "身份证号最后一位应为数字或 X。"; return false; }

        var province = (s[0] - '0') * 10 + (s[1] - '0');
        if (!Provinces.Contains(province)) { error = $"身份证号的省份代码“{s[..2]}”不存在。"; return false; }

        var year = int.Parse(s.AsSpan(6, 4));
        var month = int.Parse(s.AsSpan(10, 2));
        var day = int.Parse(s.AsSpan(12, 2));
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        { error = $"身份证号中的出生日期“{s.Substring(6, 8)}”不是有效日期。"; return false; }
        var birth = new DateOnly(year, month, day);
        if (birth > today) { error = $"身份证号中的出生日期“{s.Substring(6, 8)}”晚于今天。"; return false; }

        var expected = CheckCharacter(s.AsSpan(0, 17));
        if (s[17] != expected) { error = $"身份证号校验位错误：最后一位应为“{expected}”。"; return false; }

        id = new ResidentId(s, birth, (s[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female);
        error = null;
        return true;
    }

    /// <summary>The MOD 11-2 check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }
}
