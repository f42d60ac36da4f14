using System.Security.Cryptography;

namespace Training.Web.Infrastructure.Keys;

/// <summary>
/// The folder for what must never be in the database nor in its backups: the certificate that encrypts the Data
/// Protection keys and the audit chain's seal key. <c>Keys:Folder</c> (every web node mounts the same one), or
/// <c>data/keys</c> beside the embedded database. Whoever reads a backup of the database alone learns nothing from it.
/// </summary>
public static class KeyStore
{
    public static string Folder(IConfiguration config, IHostEnvironment env)
    {
        var configured = config["Keys:Folder"];
        var folder = string.IsNullOrWhiteSpace(configured) ? Path.Combine(DatabaseSetup.DataFolder(env), "keys") : configured;
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> unless the file exists, readable and writable by this
    /// user only; when two processes start at once, the file written first is kept and both read it.
    /// </summary>
    public static void CreateOnce(string path, Func<byte[]> content)
    {
        if (File.Exists(path)) return;
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var file = new FileStream(path, options);
            file.Write(content());
        }
        catch (IOException) when (File.Exists(path)) { }
    }

    /// <summary>Keys shorter than this are refused (HMAC-SHA256 and AES-256 want 32 bytes).</summary>
    public const int MinKeyBytes = 32;

    /// <summary>
    /// A secret key: <paramref name="configured"/> (base64, from a secret store) when set, refused with
    /// <paramref name="tooShort"/> under <see cref="MinKeyBytes"/>; otherwise the key file <paramref name="fileName"/> in
    /// <paramref name="folder"/>, made with a random key on first run.
    /// </summary>
    public static byte[] Key(string? configured, string folder, string fileName, string tooShort)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = Convert.FromBase64String(configured);
            return key.Length < MinKeyBytes ? throw new InvalidOperationException(tooShort) : key;
        }
        var path = Path.Combine(folder, fileName);
        CreateOnce(path, () => System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinKeyBytes))));
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
