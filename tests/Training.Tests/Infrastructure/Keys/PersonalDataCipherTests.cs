using System.Security.Cryptography;
using Training.Web.Infrastructure.Keys;

namespace Training.Tests.Infrastructure.Keys;

/// <summary>Issue 16 §6: what is encrypted at rest, and the keyed hash that finds it without decrypting.</summary>
public sealed class PersonalDataCipherTests
{
    private static readonly PersonalDataCipher Cipher = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Should_read_back_what_it_encrypted_and_never_write_the_same_text_twice()
    {
        var first = Cipher.Protect("440103198001011231");
        var second = Cipher.Protect("440103198001011231");

        Assert.StartsWith(PersonalDataCipher.Prefix, first);
        Assert.DoesNotContain("440103", first);
        Assert.NotEqual(first, second);
        Assert.Equal("440103198001011231", Cipher.Unprotect(first));
        Assert.Equal("440103198001011231", Cipher.Unprotect(second));
    }

    [Fact]
    public void Should_refuse_a_text_edited_in_the_database_or_read_with_another_key()
    {
        var stored = Cipher.Protect("13800138000");
        var bytes = Convert.FromBase64String(stored[PersonalDataCipher.Prefix.Length..]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => Cipher.Unprotect(PersonalDataCipher.Prefix + Convert.ToBase64String(bytes)));
        Assert.ThrowsAny<CryptographicException>(() => new PersonalDataCipher(RandomNumberGenerator.GetBytes(32)).Unprotect(stored));
    }

    [Fact]
    public void Should_read_a_value_written_before_encryption_as_it_is()
    {
        Assert.Equal("GZCADREDEMOTOTPKEY", Cipher.Unprotect("GZCADREDEMOTOTPKEY"));
        Assert.False(PersonalDataCipher.IsProtected("GZCADREDEMOTOTPKEY"));
    }

    [Fact]
    public void Should_give_the_same_lookup_for_the_same_value_and_another_for_another_key()
    {
        Assert.Equal(Cipher.Lookup("440103198001011231"), Cipher.Lookup("440103198001011231"));
        Assert.NotEqual(Cipher.Lookup("440103198001011231"), Cipher.Lookup("440103198001011223"));
        Assert.NotEqual(Cipher.Lookup("440103198001011231"), new PersonalDataCipher(RandomNumberGenerator.GetBytes(32)).Lookup("440103198001011231"));
    }

    [Fact]
    public void Should_refuse_a_master_key_shorter_than_32_bytes()
    {
        Assert.Throws<InvalidOperationException>(() => new PersonalDataCipher(new byte[31]));
    }
}
