using System.Net;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Demo;

namespace Training.Tests.Features.People.Account.TwoFactor;

/// <summary>The page /Account/TwoFactor: a new phone, and (with SignInCodeTests) new recovery codes.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    private const string Password = "Str0ng!pass-12";
    private const string District = "440111";

    [Fact]
    public async Task Should_stop_the_old_phone_and_send_its_owner_to_set_up_again_when_the_phone_is_changed()
    {
        var userName = await app.CreateStaffAsync(District, Password, Roles.DistrictStaff);
        var oldKey = await app.EnableTwoFactorAsync(userName);
        var client = await app.SignInAsync(userName, Password);

        using (var changed = await client.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor?handler=NewPhone", new Dictionary<string, string>()))
            Assert.Equal("/Account/TwoFactor/Setup", changed.Headers.Location?.OriginalString);

        using (var persons = await client.GetAsync("/Persons"))
            Assert.Equal("/Account/TwoFactor/Setup", persons.Headers.Location?.OriginalString);
        var (again, _) = await app.PasswordStepAsync(userName, Password);
        using var home = await again.GetAsync("/Persons");
        Assert.Equal("/Account/TwoFactor/Setup", home.Headers.Location?.OriginalString);
        Assert.NotEqual(oldKey, (await TwoFactorSessionsKey(userName)));
    }

    private Task<string?> TwoFactorSessionsKey(string userName) => app.WithDbAsync(db => db.UserTokens
        .Where(t => t.Name == "AuthenticatorKey" && db.Users.Any(u => u.Id == t.UserId && u.UserName == userName)).Select(t => t.Value).SingleOrDefaultAsync());
}
