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

namespace Training.Tests.Features.People.Accounts;

/// <summary>
/// A session ends on the server, not only in the browser: at sign-out, at a password change or
/// reset, when its account is disabled, and 12 hours after its sign-in however busy it was.
/// A "copied cookie" is a second client sending the very cookie the browser held.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SessionTests(AppFixture app)
{
    private const string Password = "Str0ng!pass";
    private const string Unit = "440111103201";

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
    public async Task Should_refuse_a_cookie_signed_in_over_12_hours_ago_though_it_was_used_a_minute_ago()
    {
        var userName = await app.CreateStaffAsync(Unit, Password);
        var (_, cookie) = await app.SignInWithCookieAsync(userName, Password);
        var now = Now();

        using (var young = app.WithAuthCookie(Reissue(cookie, signedInAt: now - TimeSpan.FromHours(11.9), issuedAt: now - TimeSpan.FromMinutes(1))))
        using (var response = await young.GetAsync("/Persons"))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var old = app.WithAuthCookie(Reissue(cookie, signedInAt: now - TimeSpan.FromHours(12.1), issuedAt: now - TimeSpan.FromMinutes(1)));
        using var refused = await old.GetAsync("/Persons");
        AssertSentToLogin(refused);
    }

    [Fact]
    public async Task Should_keep_the_sign_in_time_when_the_cookie_is_rebuilt_from_the_account()
    {
        var userName = await app.CreateStaffAsync(Unit, Password);
        var (_, cookie) = await app.SignInWithCookieAsync(userName, Password);
        var signedInAt = DateTimeOffset.FromUnixTimeMilliseconds((Now() - TimeSpan.FromHours(3)).ToUnixTimeMilliseconds());

        // Issued two minutes ago: past the stamp validator's interval, so this request rebuilds the principal.
        using var client = app.WithAuthCookie(Reissue(cookie, signedInAt, issuedAt: Now() - TimeSpan.FromMinutes(2)));
        using var response = await client.GetAsync("/Persons");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rebuilt = Ticket(AppFixture.AuthCookieOf(response) ?? throw new InvalidOperationException("The cookie was not re-issued."));
        Assert.InRange(rebuilt.Properties.IssuedUtc!.Value, Now() - TimeSpan.FromMinutes(1), Now());
        Assert.Equal(signedInAt, SessionClaims.SignedInAtOf(rebuilt.Principal));
    }

    [Fact]
    public async Task Should_end_the_other_sessions_and_keep_this_one_with_its_sign_in_time_when_the_password_is_changed()
    {
        var userName = await app.CreateStaffAsync(Unit, Password);
        var (other, _) = await app.SignInWithCookieAsync(userName, Password);
        var (browser, cookie) = await app.SignInWithCookieAsync(userName, Password);

        using var changed = await browser.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = "N3w!password",
            ["Input.ConfirmPassword"] = "N3w!password",
        });

        Assert.Contains("密码已修改", await changed.TextAsync());
        var refreshed = AppFixture.AuthCookieOf(changed) ?? throw new InvalidOperationException("The password change re-issued no cookie.");
        Assert.Equal(SessionClaims.SignedInAtOf(Ticket(cookie).Principal), SessionClaims.SignedInAtOf(Ticket(refreshed).Principal));
        using (var mine = await browser.GetAsync("/Persons"))
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        using var theirs = await other.GetAsync("/Persons");
        AssertSentToLogin(theirs);
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

    private static void AssertSentToLogin(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/Account/Login", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
    }

    private DateTimeOffset Now() => app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>The app's own cookie format (its data protection keys), as the cookie handler reads and writes it.</summary>
    private ISecureDataFormat<AuthenticationTicket> Format =>
        app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;

    private AuthenticationTicket Ticket(string cookie) =>
        Format.Unprotect(cookie) ?? throw new InvalidOperationException("The app cannot read this auth cookie.");

    /// <summary>The same account's ticket with another sign-in time, last issued (used) at <paramref name="issuedAt"/>.</summary>
    private string Reissue(string cookie, DateTimeOffset signedInAt, DateTimeOffset issuedAt)
    {
        var ticket = Ticket(cookie);
        var old = (ClaimsIdentity)ticket.Principal.Identity!;
        var identity = new ClaimsIdentity(
            old.Claims.Where(c => c.Type != SessionClaims.SignedInAt).Append(SessionClaims.SignedInAtClaim(signedInAt)),
            old.AuthenticationType, old.NameClaimType, old.RoleClaimType);
        ticket.Properties.IssuedUtc = issuedAt;
        ticket.Properties.ExpiresUtc = issuedAt + SessionLifetime.Idle;
        return Format.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), ticket.Properties, ticket.AuthenticationScheme));
    }
}
