using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Training.Tests.Infrastructure;
using Training.Web.Features.People;
using Training.Web.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Tests.Features.People.Accounts;

using static Training.Tests.Features.People.Accounts.SessionCookies;

using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.People.Account;

/// <summary>The page /Account/Logout.</summary>
[Collection(AppCollection.Name)]
public sealed class LogoutTests(AppFixture app)
{
    [Fact]
    public async Task Should_refuse_a_copied_cookie_once_its_session_is_signed_out()
    {
        var userName = await app.CreateStaffAsync(Unit, Password);
        var (browser, cookie) = await app.SignInWithCookieAsync(userName, Password);
        using var copy = app.WithAuthCookie(cookie);
        using (var before = await copy.GetAsync("/Persons"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using (var signOut = await browser.PostFormAsync("/", "/Account/Logout", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var after = await copy.GetAsync("/Persons");
        AssertSentToLogin(after);
    }

    [Fact]
    public async Task Should_audit_the_sign_out_with_the_address_it_came_from()
    {
        var userName = await app.CreateStaffAsync(Unit, Password);
        var browser = await app.SignInFromAsync("203.0.113.81", userName, Password);

        using (var signOut = await browser.PostFormAsync("/", "/Account/Logout", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a =>
            a.UserName == userName && a.Action == PeopleTexts.SignedOutAudit && a.Source == "203.0.113.81")));
    }
}
