using Training.Core.Data.Personal;

namespace Training.Web.Infrastructure.Keys;

/// <summary>
/// The master key of <see cref="PersonalDataCipher"/>: <c>Personal:Key</c> (base64, ≥ 32 bytes, from a secret store) or
/// <c>personal-data.key</c> made on first run in the <see cref="KeyStore"/> folder. Lost, the ID numbers and phones in
/// the database and its backups are lost with it: back it up apart from them.
/// </summary>
public static class PersonalDataKey
{
    public const string FileName = "personal-data.key";

    public static PersonalDataCipher Load(IConfiguration config, IHostEnvironment env) =>
        FromFolder(KeyStore.Folder(config, env), config["Personal:Key"]);

    /// <summary>The key in <paramref name="folder"/> (made there on first use), unless <paramref name="configured"/>.</summary>
    public static PersonalDataCipher FromFolder(string folder, string? configured = null) =>
        new(KeyStore.Key(configured, folder, FileName, PersonalDataTexts.KeyTooShort));
}
