using Microsoft.Extensions.Options;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Keys;

namespace Training.Web.Features.Audit;

/// <summary>
/// The key of the audit chain's seals, kept outside the database so that whoever can edit the database cannot make a
/// seal: <c>Audit:SealKey</c> (base64, at least 32 bytes, from a secret store in production) or, by default, a file
/// made on first run in the audit folder (<c>Audit:Folder</c>; by default the <see cref="KeyStore"/> folder, which every
/// web node shares, beside the certificate of the Data Protection keys).
/// </summary>
public sealed class AuditSealKey
{
    private const string KeyFile = "audit-seal.key";
    private readonly Lazy<string> _folder;
    private readonly Lazy<byte[]> _key;

    public AuditSealKey(IOptions<AuditOptions> options, IConfiguration config, IHostEnvironment env)
    {
        _folder = new(() => FolderOf(options.Value, config, env));
        _key = new(() => KeyStore.Key(options.Value.SealKey, _folder.Value, KeyFile, AuditTexts.SealKeyTooShort));
    }

    public byte[] Bytes => _key.Value;

    /// <summary>Where the key file and the chain's last head (<see cref="AuditChain"/>) are kept.</summary>
    public string Folder => _folder.Value;

    private static string FolderOf(AuditOptions options, IConfiguration config, IHostEnvironment env)
    {
        if (!string.IsNullOrWhiteSpace(options.Folder))
        {
            Directory.CreateDirectory(options.Folder);
            return options.Folder;
        }
        var folder = KeyStore.Folder(config, env);
        MoveFromDataFolder(DatabaseSetup.DataFolder(env), folder);
        return folder;
    }

    /// <summary>Before the key store, the key and the head lay in the data folder: moved once, so that the chain sealed with them still verifies.</summary>
    private static void MoveFromDataFolder(string dataFolder, string folder)
    {
        foreach (var name in new[] { KeyFile, AuditChain.HeadFileName })
        {
            var old = Path.Combine(dataFolder, name);
            var now = Path.Combine(folder, name);
            if (File.Exists(old) && !File.Exists(now)) File.Move(old, now);
        }
    }
}
