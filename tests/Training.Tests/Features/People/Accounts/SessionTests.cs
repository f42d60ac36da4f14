using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;
using Training.Tests.Infrastructure.Builders;

using static Training.Tests.Features.People.Accounts.SessionCookies;

using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.People.Accounts;

/// <summary>
/// A session ends on the server, not only in the browser: at sign-out, at a password change or
/// reset, when its account is disabled, and 12 hours after its sign-in however busy it was.
/// A "copied cookie" is a second client sending the very cookie the browser held.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SessionTests(AppFixture app)
{

    [Fact]
    public async Task Should_refuse_a_cookie_signed_in_over_12_hours_ago_though_it_was_used_a_minute_ago()
    {
        var userName = await app.CreateStaffAsync(Unit, Password);
        var (_, cookie) = await app.SignInWithCookieAsync(userName, Password);
        var now = app.Now();

        using (var young = app.WithAuthCookie(app.Reissue(cookie, signedInAt: now - TimeSpan.FromHours(11.9), issuedAt: now - TimeSpan.FromMinutes(1))))
        using (var response = await young.GetAsync("/Persons"))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var old = app.WithAuthCookie(app.Reissue(cookie, signedInAt: now - TimeSpan.FromHours(12.1), issuedAt: now - TimeSpan.FromMinutes(1)));
        using var refused = await old.GetAsync("/Persons");
        AssertSentToLogin(refused);
    }

    [Fact]
    public async Task Should_keep_the_sign_in_time_when_the_cookie_is_rebuilt_from_the_account()
    {
        var userName = await app.CreateStaffAsync(Unit, Password);
        var (_, cookie) = await app.SignInWithCookieAsync(userName, Password);
        var signedInAt = DateTimeOffset.FromUnixTimeMilliseconds((app.Now() - TimeSpan.FromHours(3)).ToUnixTimeMilliseconds());

        // Issued two minutes ago: past the stamp validator's interval, so this request rebuilds the principal.
        using var client = app.WithAuthCookie(app.Reissue(cookie, signedInAt, issuedAt: app.Now() - TimeSpan.FromMinutes(2)));
        using var response = await client.GetAsync("/Persons");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rebuilt = app.Ticket(AppFixture.AuthCookieOf(response) ?? throw new InvalidOperationException("The cookie was not re-issued."));
        Assert.InRange(rebuilt.Properties.IssuedUtc!.Value, app.Now() - TimeSpan.FromMinutes(1), app.Now());
        Assert.Equal(signedInAt, SessionClaims.SignedInAtOf(rebuilt.Principal));
    }

    [Fact]
    public async Task Should_end_the_open_session_of_an_account_at_once_when_it_is_disabled()
    {
        var userName = await app.CreateStaffAsync(Unit, Password);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var user = await app.SignInAsync(userName, Password);
        using (var before = await user.GetAsync("/Persons"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        var district = await app.SignInAsync("district-440111");
        using (var disabled = await district.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Disable", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        using var after = await user.GetAsync("/Persons");
        AssertSentToLogin(after);
    }

    [Fact]
    public async Task Should_refuse_a_stamp_this_node_kept_once_the_account_is_saved_with_a_new_one_elsewhere()
    {
        var userName = await app.CreateStaffAsync(Unit, Password);
        var user = await app.SignInAsync(userName, Password);
        for (var i = 0; i < 2; i++) // the second request is served from the stamp kept by the first
            using (var kept = await user.GetAsync("/Persons"))
                Assert.Equal(HttpStatusCode.OK, kept.StatusCode);

        // Another node's save: its own context and transaction, nothing told to this node's memory.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Training.Core.Identity.AppUser>>();
            var account = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
            Assert.True((await users.UpdateSecurityStampAsync(account)).Succeeded);
        }

        using var after = await user.GetAsync("/Persons");
        AssertSentToLogin(after);
    }
}
