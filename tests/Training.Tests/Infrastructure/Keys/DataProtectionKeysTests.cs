using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Data;
using Training.Web.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Infrastructure.Keys;

namespace Training.Tests.Infrastructure.Keys;

/// <summary>
/// Issue 16 §1: the Data Protection keys (which sign every sign-in cookie) are in the database, encrypted there with a
/// certificate kept outside it; whoever reads the database alone cannot use them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DataProtectionKeysTests(AppFixture app)
{
    private const string Purpose = "issue-16-probe";

    [Fact]
    public async Task Should_keep_every_key_encrypted_in_the_database_and_the_certificate_outside_it()
    {
        await app.SignInAsync(DemoAccounts.Township);

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
        Assert.True(File.Exists(Path.Combine(Config["Keys:Folder"]!, DataProtectionCertificates.DefaultFileName)));
    }

    [Fact]
    public async Task Should_not_unprotect_with_the_keys_read_from_the_database_without_the_certificate()
    {
        var payload = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("城市管理员");
        await using var withoutCertificate = ReaderOfTheDatabase(_ => { });
        var certificate = DataProtectionCertificates.Load(Config, new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath() });
        await using var withCertificate = ReaderOfTheDatabase(dp => dp.UnprotectKeysWithAnyCertificate(certificate.Readable));

        Assert.ThrowsAny<CryptographicException>(() => Protector(withoutCertificate).Unprotect(payload));
        Assert.Equal("城市管理员", Protector(withCertificate).Unprotect(payload));
    }

    [Fact]
    public async Task Should_delete_a_key_left_in_clear_text_when_the_portal_starts()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var clear = new DataProtectionKey { FriendlyName = "key-clear", Xml = ClearKeyXml };
            db.DataProtectionKeys.Add(clear);
            await db.SaveChangesAsync();
            return clear.Id;
        });
        var encrypted = await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync(k => k.Xml!.Contains("encryptedSecret")));

        await DatabaseSetup.MigrateAsync(app.Services);

        Assert.False(await app.WithDbAsync(db => db.DataProtectionKeys.AnyAsync(k => k.Id == id)));
        Assert.Equal(encrypted, await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync(k => k.Xml!.Contains("encryptedSecret"))));
    }

    private IConfiguration Config => app.Services.GetRequiredService<IConfiguration>();

    private static IDataProtector Protector(ServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    /// <summary>What someone holding the database could build: the portal's application name and its key table.</summary>
    private ServiceProvider ReaderOfTheDatabase(Action<IDataProtectionBuilder> more)
    {
        var services = new ServiceCollection().AddLogging();
        var connection = Config.GetConnectionString("Training");
        services.AddDbContext<TrainingDbContext>(o => o.UseSqlite(connection));
        // Reads only: a key of its own, in clear text, would spoil the other tests.
        var dp = services.AddDataProtection().SetApplicationName("Training").PersistKeysToDbContext<TrainingDbContext>().DisableAutomaticKeyGeneration();
        more(dp);
        return services.BuildServiceProvider();
    }

    /// <summary>A key as Data Protection wrote it before a certificate encrypted it (the secret is made up).</summary>
    private const string ClearKeyXml = """
        <key id="0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" version="1">
          <creationDate>2026-01-01T00:00:00Z</creationDate>
          <activationDate>2026-01-01T00:00:00Z</activationDate>
          <expirationDate>2026-04-01T00:00:00Z</expirationDate>
          <descriptor deserializerType="Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel.AuthenticatedEncryptorDescriptorDeserializer, Microsoft.AspNetCore.DataProtection">
            <descriptor>
              <encryption algorithm="AES_256_CBC" />
              <validation algorithm="HMACSHA256" />
              <masterKey p4:requiresEncryption="true" xmlns:p4="http://schemas.asp.net/2015/03/dataProtection">
                <value>bWFkZS11cC1zZWNyZXQtbWFkZS11cC1zZWNyZXQtbWFkZS11cC1zZWNyZXQ=</value>
              </masterKey>
            </descriptor>
          </descriptor>
        </key>
        """;
}
