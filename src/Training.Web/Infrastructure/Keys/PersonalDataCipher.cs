using System.Security.Cryptography;
using System.Text;

namespace Training.Web.Infrastructure.Keys;

/// <summary>
/// Encryption at rest of what must not be readable from the database or its backups (issue 16 §6): AES-256-GCM with a
/// random nonce, so equal values give different texts, stored as <c>e1:</c> + base64(nonce ‖ ciphertext ‖ tag); and a
/// keyed hash (HMAC-SHA256) for looking a value up and keeping it unique without decrypting. Both keys are derived
/// (HKDF) from one master key kept outside the database: <c>Personal:Key</c> (base64, ≥ 32 bytes, from a secret
/// store) or <c>personal-data.key</c> made on first run in the <see cref="KeyStore"/> folder. A value without the
/// prefix is clear text written before encryption and is read as it is, until the start-up step encrypts it.
/// </summary>
public sealed class PersonalDataCipher
{
    public const string Prefix = "e1:";
    private const int NonceBytes = 12, TagBytes = 16;
    public const string KeyFile = "personal-data.key";

    private readonly byte[] _encryption;
    private readonly byte[] _lookup;

    public PersonalDataCipher(byte[] masterKey)
    {
        if (masterKey.Length < KeyStore.MinKeyBytes) throw new InvalidOperationException(KeyTexts.PersonalKeyTooShort);
        _encryption = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "training/personal/encrypt/v1"u8.ToArray());
        _lookup = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "training/personal/lookup/v1"u8.ToArray());
    }

    /// <summary>From <c>Personal:Key</c>, or the key file in the key store (made on first run).</summary>
    public static PersonalDataCipher Load(IConfiguration config, IHostEnvironment env) =>
        new(KeyStore.Key(config["Personal:Key"], KeyStore.Folder(config, env), KeyFile, KeyTexts.PersonalKeyTooShort));

    public static bool IsProtected(string? stored) => stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Protect(string clear)
    {
        var plain = Encoding.UTF8.GetBytes(clear);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryption, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The clear value; a value without the prefix is returned as it is. A text edited in the database fails (CryptographicException).</summary>
    public string Unprotect(string stored)
    {
        if (!IsProtected(stored)) return stored;
        var sealedBytes = Convert.FromBase64String(stored[Prefix.Length..]);
        if (sealedBytes.Length < NonceBytes + TagBytes) throw new CryptographicException(KeyTexts.PersonalValueDamaged);
        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        using var aes = new AesGcm(_encryption, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The keyed hash of a value, for look-ups and uniqueness: the same for the same value, useless without the key.</summary>
    public string Lookup(string clear) => Convert.ToHexString(HMACSHA256.HashData(_lookup, Encoding.UTF8.GetBytes(clear)));
}
