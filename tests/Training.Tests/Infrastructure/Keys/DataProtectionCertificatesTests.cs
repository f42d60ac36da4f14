using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Training.Web.Infrastructure.Keys;

namespace Training.Tests.Infrastructure.Keys;

/// <summary>Issue 16 §1: where the certificate of the Data Protection keys comes from.</summary>
public sealed class DataProtectionCertificatesTests : IDisposable
{
    private readonly TempFolder _folder = new("dp-certificate");

    public void Dispose() => _folder.Dispose();

    private HostingEnvironment Env => new() { ContentRootPath = _folder.Path };

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Should_make_a_certificate_on_first_run_readable_by_its_owner_only_and_keep_it()
    {
        var keys = Path.Combine(_folder.Path, "keys");
        var config = Config(("Keys:Folder", keys));

        var first = DataProtectionCertificates.Load(config, Env);
        var second = DataProtectionCertificates.Load(config, Env);

        Assert.Equal(Path.Combine(keys, DataProtectionCertificates.DefaultFileName), first.Path);
        Assert.Equal(first.Current.Thumbprint, second.Current.Thumbprint);
        Assert.True(first.Current.HasPrivateKey);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.Path));
    }

    [Fact]
    public void Should_refuse_to_start_when_the_configured_certificate_is_missing_rather_than_make_another()
    {
        var missing = Path.Combine(_folder.Path, "secret-store", "portal.pfx");

        var refused = Assert.Throws<InvalidOperationException>(() => DataProtectionCertificates.Load(Config(("DataProtection:Certificate", missing)), Env));

        Assert.Contains(missing, refused.Message);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Should_still_read_keys_of_the_previous_certificate_after_a_change()
    {
        var oldOne = DataProtectionCertificates.Load(Config(("Keys:Folder", Path.Combine(_folder.Path, "old"))), Env);
        var newOne = DataProtectionCertificates.Load(Config(("Keys:Folder", Path.Combine(_folder.Path, "new"))), Env);

        var changed = DataProtectionCertificates.Load(Config(
            ("DataProtection:Certificate", newOne.Path),
            ("DataProtection:PreviousCertificates:0", oldOne.Path)), Env);

        Assert.Equal(newOne.Current.Thumbprint, changed.Current.Thumbprint);
        Assert.Equal([newOne.Current.Thumbprint, oldOne.Current.Thumbprint], changed.Readable.Select(c => c.Thumbprint));
    }
}
