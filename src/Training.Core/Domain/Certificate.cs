using System.Security.Cryptography;

namespace Training.Core.Domain;

/// <summary>
/// 结业证书 (LEARNING.md §6): given to a participant who graduated from a training class, by the
/// unit running the class. It carries a human number (<c>440111-2026-00001</c>: the unit's code,
/// the year of issue and a sequence per unit and year) and a <see cref="Code"/> of 128 random bits
/// that the public verification page is found by. One per class and person; revoked at most once,
/// with a reason. It is never deleted: a revoked certificate still verifies as 已撤销.
/// </summary>
public sealed class Certificate
{
    /// <summary>RFC 4648 base32 letters (A–Z, 2–7): URL-safe, no look-alike 0/O or 1/I/L, one case.</summary>
    public const string CodeAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    /// <summary>128 random bits in base32: 26 characters (the last carries 3 bits).</summary>
    public const int CodeLength = 26;
    public const int MaxNumber = 32;
    public const int MaxSequence = 99_999;
    public const int MaxReason = 200;

    private Certificate() { Number = Code = IssuedBy = ""; }

    public int Id { get; private set; }
    public int ClassId { get; private set; }
    public TrainingClass Class { get; private set; } = null!;
    public int PersonId { get; private set; }
    public Person Person { get; private set; } = null!;
    /// <summary>The unit that issues it: the city or district running the class.</summary>
    public int IssuerId { get; private set; }
    public OrgUnit Issuer { get; private set; } = null!;
    public int Year { get; private set; }
    public int Sequence { get; private set; }
    public string Number { get; private set; }
    public string Code { get; private set; }
    /// <summary>The 学时 the graduation counted within the class's dates, as printed.</summary>
    public decimal Hours { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public DateTime IssuedAt { get; private set; }
    public string IssuedBy { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public string? RevokeReason { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>
    /// Issues the certificate of <paramref name="personId"/> for <paramref name="trainingClass"/> (its owner loaded).
    /// <paramref name="graduated"/> is the class's verdict (all its conditions met); <paramref name="sequence"/>
    /// the next number of the owner in the year of <paramref name="today"/>.
    /// </summary>
    public static Certificate Issue(TrainingClass trainingClass, int personId, bool graduated, decimal hours, int sequence,
        string code, string actor, DateOnly today, DateTime now)
    {
        if (!graduated) throw new DomainException("该学员尚未结业，不能颁发结业证书。");
        if (hours < 0 || hours != decimal.Round(hours, 2)) throw new DomainException("证书学时应为不小于 0、最多两位小数的数。");
        if (sequence < 1 || sequence > MaxSequence) throw new DomainException($"本单位本年度证书编号已用完（最多 {MaxSequence:N0} 个）。");
        if (!IsWellFormedCode(code)) throw new DomainException("证书查验码格式不正确。");
        var owner = trainingClass.Owner;
        return new Certificate
        {
            Class = trainingClass, ClassId = trainingClass.Id, PersonId = personId, Issuer = owner, IssuerId = owner.Id,
            Year = today.Year, Sequence = sequence, Number = NumberOf(owner.Code, today.Year, sequence), Code = code,
            Hours = hours, IssuedOn = today, IssuedAt = now, IssuedBy = actor,
        };
    }

    public void Revoke(string? reason, string actor, DateTime now)
    {
        if (IsRevoked) throw new DomainException($"证书 {Number} 已于 {RevokedAt:yyyy-MM-dd} 撤销，不能再次撤销。");
        var text = (reason ?? "").Trim();
        if (text.Length == 0) throw new DomainException("撤销证书须填写原因。", nameof(RevokeReason));
        if (text.Length > MaxReason) throw new DomainException($"撤销原因不能超过{MaxReason}字。", nameof(RevokeReason));
        RevokedAt = now;
        RevokedBy = actor;
        RevokeReason = text;
    }

    public static string NumberOf(string issuerCode, int year, int sequence) => $"{issuerCode}-{year}-{sequence:D5}";

    /// <summary>A new verification code: 128 bits from the operating system's CSPRNG, in base32.</summary>
    public static string NewCode()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[CodeLength];
        int buffer = 0, bits = 0, at = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[at++] = CodeAlphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
            buffer &= (1 << bits) - 1;
        }
        chars[at] = CodeAlphabet[(buffer << (5 - bits)) & 31];
        return new string(chars);
    }

    /// <summary>Whether a string could be a code at all (checked before any lookup).</summary>
    public static bool IsWellFormedCode(string? code) =>
        code is { Length: CodeLength } && code.All(c => CodeAlphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>张三明 → 张*明, 张三 → 张*, 欧阳小明 → 欧**明: the first and last characters only (a single character stays).</summary>
    public static string MaskName(string name)
    {
        var n = (name ?? "").Trim();
        var chars = System.Globalization.StringInfo.GetTextElementEnumerator(n);
        var parts = new List<string>();
        while (chars.MoveNext()) parts.Add((string)chars.Current);
        return parts.Count switch
        {
            0 => "",
            1 => parts[0],
            2 => parts[0] + "*",
            _ => parts[0] + new string('*', parts.Count - 2) + parts[^1],
        };
    }
}
