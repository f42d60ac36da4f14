using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Training.Web.Infrastructure.Keys;

/// <summary>
/// The certificate that encrypts the Data Protection keys at rest (issue 16 §1): the keys sign every sign-in cookie,
/// and they live in the database so that every web node reads them; in clear text there, anyone who can read the
/// database (or a backup) could forge a city administrator's cookie. <c>DataProtection:Certificate</c> names a PFX file
/// (<c>DataProtection:CertificatePassword</c>) from the department's secret store, which must exist; unset, the portal
/// makes a self-signed one on first run in the <see cref="KeyStore"/> folder. <c>DataProtection:PreviousCertificates</c>
/// (paths, same password option) still decrypt keys written before a change of certificate.
/// </summary>
public static class DataProtectionCertificates
{
    public const string DefaultFileName = "data-protection.pfx";

    public sealed record Loaded(X509Certificate2 Current, X509Certificate2[] Readable, string Path);

    public static Loaded Load(IConfiguration config, IHostEnvironment env)
    {
        var password = config["DataProtection:CertificatePassword"];
        var configured = config["DataProtection:Certificate"];
        string path;
        if (string.IsNullOrWhiteSpace(configured))
        {
            path = System.IO.Path.Combine(KeyStore.Folder(config, env), DefaultFileName);
            KeyStore.CreateOnce(path, SelfSigned);
        }
        else
        {
            path = configured;
            // A configured certificate that is missing is a mistake: a new one would make every key unreadable.
            if (!File.Exists(path)) throw new InvalidOperationException(KeyTexts.CertificateMissing(path));
        }
        var current = Open(path, password);
        var previous = config.GetSection("DataProtection:PreviousCertificates").GetChildren()
            .Select(c => c.Value).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Open(p!, password));
        return new Loaded(current, [current, .. previous], path);
    }

    private static X509Certificate2 Open(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null) throw new InvalidOperationException(KeyTexts.CertificateWithoutKey(path));
        return certificate;
    }

    /// <summary>RSA 3072 (good past 2030 per NIST SP 800-57), for key encipherment only, valid 30 years: it encrypts keys, nothing trusts it.</summary>
    private static byte[] SelfSigned()
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Training Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(30));
        return certificate.Export(X509ContentType.Pkcs12);
    }
}
