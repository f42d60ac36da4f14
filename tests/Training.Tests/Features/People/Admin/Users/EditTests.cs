using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Tests.Features.People.Accounts;

namespace Training.Tests.Features.People.Admin.Users;

/// <summary>The page /Admin/Users/Edit.</summary>
[Collection(AppCollection.Name)]
public sealed class EditTests(AppFixture appArg) : AccountTestBase(appArg)
{
    [Fact]
    public async Task Should_refuse_sign_in_to_a_disabled_account()
    {
        var userName = await app.CreateStaffAsync("440111103204", Password);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var district = await app.SignInAsync("district-440111");

        using var disabled = await district.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Disable", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        using var after = await district.GetAsync(disabled.Headers.Location!.OriginalString);
        Assert.Contains("账号已停用", (await after.ReadHtmlAsync()).QuerySelector("[data-testid=flash]")?.TextContent);

        using var response = await app.Anonymous().PostFormAsync("/Account/Login", "/Account/Login",
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = Password });
        Assert.Contains(Training.Web.Features.People.PeopleTexts.SignInRefused, await response.TextAsync()); // the gate's one message: SignInGate
        Assert.Null(AppFixture.AuthCookieOf(response));
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "停用账号" && a.Detail == userName && a.UserName == "district-440111")));
    }

    private const string TwoFactorPassword = "Str0ng!pass-12";

    [Fact]
    public async Task Should_let_an_account_administrator_reset_a_lost_phone_so_that_its_owner_sets_up_again()
    {
        var userName = await app.CreateStaffAsync("440111", TwoFactorPassword, Roles.DistrictStaff);
        await app.EnableTwoFactorAsync(userName);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var admin = await app.SignInAsync(DemoAccounts.SystemAdmin);

        using (var reset = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=ResetTwoFactor", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var owner = await app.SignInAsync(userName, TwoFactorPassword);
        using var persons = await owner.GetAsync("/Persons");
        Assert.Equal("/Account/TwoFactor/Setup", persons.Headers.Location?.OriginalString);
    }
}
