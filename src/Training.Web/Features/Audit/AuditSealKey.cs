using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Audit;

/// <summary>
/// The key of the audit chain's seals, kept outside the database so that whoever can edit the database cannot make a
/// seal: <c>Audit:SealKey</c> (base64, at least 32 bytes, from a secret store in production) or, by default, a file
/// made on first run in the audit folder (<c>Audit:Folder</c>, the data folder by default).
/// </summary>
public sealed class AuditSealKey(IOptions<AuditOptions> options, IHostEnvironment env)
{
    private readonly Lazy<byte[]> _key = new(() => Load(options.Value, env));

    public byte[] Bytes => _key.Value;

    public static string FolderOf(AuditOptions options, IHostEnvironment env)
    {
        var folder = string.IsNullOrWhiteSpace(options.Folder) ? DatabaseSetup.DataFolder(env) : options.Folder;
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static byte[] Load(AuditOptions options, IHostEnvironment env)
    {
        if (!string.IsNullOrWhiteSpace(options.SealKey))
        {
            var configured = Convert.FromBase64String(options.SealKey);
            if (configured.Length < 32) throw new InvalidOperationException(AuditTexts.SealKeyTooShort);
            return configured;
        }
        var path = Path.Combine(FolderOf(options, env), "audit-seal.key");
        if (!File.Exists(path))
        {
            try
            {
                // CreateNew: two processes starting at once keep the one that was written first.
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(path)) { }
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
