using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Demo;

namespace Training.Tests.Features.People.Account;

/// <summary>The page /Account/SignInCode: the second step of a sign-in with two factors (issue 16 §2, 等保 8.1.4.1 d).</summary>
[Collection(AppCollection.Name)]
public sealed class SignInCodeTests(AppFixture app)
{
    private const string Password = "Str0ng!pass-12";
    private const string District = "440111";

    [Fact]
    public async Task Should_ask_for_the_code_after_the_password_and_take_each_code_only_once()
    {
        var userName = await app.CreateStaffAsync(District, Password, Roles.DistrictStaff);
        await app.EnableTwoFactorAsync(userName);

        var (first, asked) = await app.PasswordStepAsync(userName, Password);
        Assert.Equal("/Account/SignInCode", asked.Split('?')[0]);
        using (var before = await first.GetAsync("/Persons"))
            Assert.NotEqual(HttpStatusCode.OK, before.StatusCode);
        var code = await app.TwoFactorCodeAsync(userName);
        using (var signedIn = await SignInSteps.CodeStepAsync(first, code))
            Assert.NotNull(AppFixture.AuthCookieOf(signedIn));
        using (var persons = await first.GetAsync("/Persons"))
            Assert.Equal(HttpStatusCode.OK, persons.StatusCode);

        var (second, _) = await app.PasswordStepAsync(userName, Password);
        using var replayed = await SignInSteps.CodeStepAsync(second, code);

        Assert.Null(AppFixture.AuthCookieOf(replayed));
        Assert.Contains("已用过", await replayed.TextAsync());
    }

    [Fact]
    public async Task Should_refuse_the_code_page_to_whoever_has_not_given_the_password()
    {
        using var page = await app.Anonymous().GetAsync("/Account/SignInCode");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Should_sign_in_with_a_recovery_code_once()
    {
        var userName = await app.CreateStaffAsync(District, Password, Roles.DistrictStaff);
        await app.EnableTwoFactorAsync(userName);
        var holder = await app.SignInAsync(userName, Password);
        using var renewed = await holder.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor?handler=NewCodes", new Dictionary<string, string>());
        var recovery = (await renewed.ReadHtmlAsync()).QuerySelectorAll("[data-testid=recovery-codes] code").Select(c => c.TextContent).First();

        var (first, _) = await app.PasswordStepAsync(userName, Password);
        using (var used = await SignInSteps.CodeStepAsync(first, " " + recovery.ToUpperInvariant() + " "))
            Assert.NotNull(AppFixture.AuthCookieOf(used));
        var (second, _) = await app.PasswordStepAsync(userName, Password);
        using var again = await SignInSteps.CodeStepAsync(second, recovery);

        Assert.Null(AppFixture.AuthCookieOf(again));
        Assert.Contains("恢复码", await again.TextAsync());
    }

    [Fact]
    public async Task Should_ask_the_demo_city_account_for_the_code_of_the_key_printed_in_README()
    {
        var (client, asked) = await app.PasswordStepAsync("city", AppFixture.DemoPassword);
        Assert.Equal("/Account/SignInCode", asked.Split('?')[0]);
        var readme = await File.ReadAllTextAsync(Path.Combine(Training.Tests.Architecture.LayeringTests.RepositoryRoot(), "README.md"));
        Assert.Contains(DemoData.AuthenticatorKey, readme);
        // As Identity reads it: in the database it is encrypted (AppUserStoreTests).
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Training.Core.Identity.AppUser>>();
        Assert.Equal(DemoData.AuthenticatorKey, await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync("city"))!));
        client.Dispose();
    }
}
