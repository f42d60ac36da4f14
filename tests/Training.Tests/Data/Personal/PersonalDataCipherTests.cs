using System.Security.Cryptography;
using Training.Core.Data.Personal;

namespace Training.Tests.Data.Personal;

/// <summary>Issue 16 §6: what is encrypted at rest, and the searchable form the database finds without decrypting.</summary>
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
    public void Should_write_the_same_searchable_text_for_the_same_value_and_another_under_another_key()
    {
        var stored = Cipher.ProtectSearchable("440103198001011231");

        Assert.StartsWith(PersonalDataCipher.SearchablePrefix, stored);
        Assert.DoesNotContain("440103", stored);
        Assert.Equal(stored, Cipher.ProtectSearchable("440103198001011231"));
        Assert.NotEqual(stored, Cipher.ProtectSearchable("440103198001011223"));
        Assert.NotEqual(stored, new PersonalDataCipher(RandomNumberGenerator.GetBytes(32)).ProtectSearchable("440103198001011231"));
        Assert.Equal("440103198001011231", Cipher.Unprotect(stored));
        Assert.Equal(PersonalDataCipher.StoredLength(18), stored.Length);
    }

    [Fact]
    public void Should_use_a_nonce_that_depends_on_the_value_so_no_two_values_share_one()
    {
        // GCM with one nonce for two values would leak their XOR: the searchable nonce must differ whenever the value does.
        static byte[] Nonce(string stored) => Convert.FromBase64String(stored[PersonalDataCipher.SearchablePrefix.Length..])[..12];
        var nonces = Enumerable.Range(0, 1_000).Select(i => Convert.ToHexString(Nonce(Cipher.ProtectSearchable($"1380013{i:D4}")))).ToHashSet();

        Assert.Equal(1_000, nonces.Count);
    }

    [Fact]
    public void Should_refuse_a_master_key_shorter_than_32_bytes()
    {
        Assert.Throws<InvalidOperationException>(() => new PersonalDataCipher(new byte[31]));
    }
}
