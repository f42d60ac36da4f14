using Training.Core.Data.Personal;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Identity;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Demo;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Keys;

namespace Training.Tests.Infrastructure;

/// <summary>Issue 16 §6: authenticator keys encrypted in the database, read back by Identity as they were set.</summary>
[Collection(AppCollection.Name)]
public sealed class AppUserStoreTests(AppFixture app)
{
    private Task<string?> StoredKeyAsync(string userName) => app.WithDbAsync(db =>
        (from t in db.Set<IdentityUserToken<string>>()
         join u in db.Users on t.UserId equals u.Id
         where u.UserName == userName && t.Name == "AuthenticatorKey"
         select t.Value).SingleOrDefaultAsync());

    private async Task<string?> KeyAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync(userName))!);
    }

    [Fact]
    public async Task Should_keep_the_demo_city_accounts_key_encrypted_and_give_Identity_the_key_printed_in_README()
    {
        var stored = await StoredKeyAsync(DemoAccounts.City);

        Assert.StartsWith(PersonalDataCipher.Prefix, stored);
        Assert.DoesNotContain(DemoData.AuthenticatorKey, stored);
        Assert.Equal(DemoData.AuthenticatorKey, await KeyAsync(DemoAccounts.City));
    }

    [Fact]
    public async Task Should_encrypt_a_key_left_in_clear_text_at_start()
    {
        var before = await StoredKeyAsync(DemoAccounts.District);
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE AspNetUserTokens SET Value = {DemoData.AuthenticatorKey} WHERE Name = 'AuthenticatorKey' AND UserId = (SELECT Id FROM AspNetUsers WHERE UserName = {DemoAccounts.District})"));

        await DatabaseSetup.MigrateAsync(app.Services);

        var after = await StoredKeyAsync(DemoAccounts.District);
        Assert.StartsWith(PersonalDataCipher.Prefix, after);
        Assert.NotEqual(before, after);
        Assert.Equal(DemoData.AuthenticatorKey, await KeyAsync(DemoAccounts.District));
    }
}
