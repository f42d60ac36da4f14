using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>
/// 结业证书 (LEARNING.md §6): only a graduate gets one; its number is the issuing unit's code, the year and a
/// five-digit sequence; its code is 128 random bits in URL-safe base32; revoking needs a reason and happens once;
/// the public page shows the name masked.
/// </summary>
public sealed class CertificateTests
{
    private static readonly OrgUnit City = OrgUnit.CreateCity("440100", "广州市");
    private static readonly OrgUnit Baiyun = OrgUnit.CreateChild(City, "440111", "白云区");
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly DateTime Now = new(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc);

    private static TrainingClass Class() =>
        TrainingClass.Create(Baiyun, "乡村振兴专题班", Today.AddDays(-30), Today.AddDays(-1), 30, null, ClassAudience.Any, 80, null, "district", Now);

    private static Certificate Issue(bool graduated = true, int sequence = 7, decimal hours = 32.5m) =>
        Certificate.Issue(Class(), 42, graduated, hours, sequence, Certificate.NewCode(), "district-440111", Today, Now);

    [Fact]
    public void Should_issue_to_a_graduate_with_the_units_number_for_the_year_and_the_hours()
    {
        var c = Issue();

        Assert.Equal("440111-2026-00007", c.Number);
        Assert.Equal((2026, 7, 32.5m, 42), (c.Year, c.Sequence, c.Hours, c.PersonId));
        Assert.Same(Baiyun, c.Issuer);
        Assert.Equal((Today, Now, "district-440111"), (c.IssuedOn, c.IssuedAt, c.IssuedBy));
        Assert.False(c.IsRevoked);
    }

    [Fact]
    public void Should_refuse_to_issue_to_a_participant_who_has_not_graduated()
    {
        var ex = Assert.Throws<DomainException>(() => Issue(graduated: false));

        Assert.Contains("尚未结业", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void Should_refuse_a_sequence_outside_five_digits(int sequence) =>
        Assert.Throws<DomainException>(() => Issue(sequence: sequence));

    [Fact]
    public void Should_refuse_a_code_that_is_not_26_base32_letters() =>
        Assert.Throws<DomainException>(() => Certificate.Issue(Class(), 42, true, 10, 1, "ABC", "x", Today, Now));

    [Fact]
    public void Should_revoke_with_the_reason_who_and_when()
    {
        var c = Issue();

        c.Revoke("  考勤记录有误  ", "district-440111", Now.AddHours(1));

        Assert.True(c.IsRevoked);
        Assert.Equal((Now.AddHours(1), "district-440111", "考勤记录有误"), (c.RevokedAt, c.RevokedBy, c.RevokeReason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Should_refuse_to_revoke_without_a_reason(string? reason)
    {
        var c = Issue();

        var ex = Assert.Throws<DomainException>(() => c.Revoke(reason, "district-440111", Now));

        Assert.Equal(nameof(Certificate.RevokeReason), ex.Field);
        Assert.False(c.IsRevoked);
    }

    [Fact]
    public void Should_refuse_a_reason_over_the_limit() =>
        Assert.Throws<DomainException>(() => Issue().Revoke(new string('因', Certificate.MaxReason + 1), "x", Now));

    [Fact]
    public void Should_revoke_only_once()
    {
        var c = Issue();
        c.Revoke("第一次", "a", Now);

        var ex = Assert.Throws<DomainException>(() => c.Revoke("第二次", "b", Now.AddDays(1)));

        Assert.Contains("已于", ex.Message);
        Assert.Equal(("a", "第一次"), (c.RevokedBy, c.RevokeReason));
    }

    [Fact]
    public void Should_make_codes_of_128_random_bits_in_url_safe_base32()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => Certificate.NewCode()).ToList();

        Assert.All(codes, c => Assert.True(Certificate.IsWellFormedCode(c), c));
        Assert.All(codes, c => Assert.Equal(Uri.EscapeDataString(c), c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        // 128 bits: the 26th character carries the last 3 bits, so it is one of the 8 letters whose low 2 bits are 0.
        Assert.All(codes, c => Assert.Equal(0, Certificate.CodeAlphabet.IndexOf(c[^1]) & 3));
        // Every letter of the alphabet turns up in the first 25 places of 2,000 codes (p of missing one < 1e-300).
        Assert.Equal(Certificate.CodeAlphabet.Length, codes.SelectMany(c => c[..^1]).Distinct().Count());
    }

    [Theory]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ", true)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXY", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ2", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXY1", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXY-", false)]
    [InlineData(null, false)]
    public void Should_tell_a_well_formed_code(string? code, bool wellFormed) =>
        Assert.Equal(wellFormed, Certificate.IsWellFormedCode(code));

    [Theory]
    [InlineData("张三明", "张*明")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("王", "王")]
    [InlineData(" 李四 ", "李*")]
    [InlineData("", "")]
    public void Should_mask_a_name_to_its_first_and_last_characters(string name, string masked) =>
        Assert.Equal(masked, Certificate.MaskName(name));
}
