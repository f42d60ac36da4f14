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

/// <summary>The session cookie as the app reads and writes it, for the tests of sign-out, password change and session lifetime.</summary>
internal static class SessionCookies
{
    public const string Password = "Str0ng!pass-12";
    /// <summary>The unit of the staff accounts these tests create.</summary>
    public const string Unit = TestPeople.OwnVillage;

    public static DateTimeOffset Now(this AppFixture app) => app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>The app's own cookie format (its data protection keys), as the cookie handler reads and writes it.</summary>
    private static ISecureDataFormat<AuthenticationTicket> Format(AppFixture app) =>
        app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;

    public static AuthenticationTicket Ticket(this AppFixture app, string cookie) =>
        Format(app).Unprotect(cookie) ?? throw new InvalidOperationException("The app cannot read this auth cookie.");

    /// <summary>The same account's ticket with another sign-in time, last issued (used) at <paramref name="issuedAt"/>.</summary>
    public static string Reissue(this AppFixture app, string cookie, DateTimeOffset signedInAt, DateTimeOffset issuedAt)
    {
        var ticket = app.Ticket(cookie);
        var old = (ClaimsIdentity)ticket.Principal.Identity!;
        var identity = new ClaimsIdentity(
            old.Claims.Where(c => c.Type != SessionClaims.SignedInAt).Append(SessionClaims.SignedInAtClaim(signedInAt)),
            old.AuthenticationType, old.NameClaimType, old.RoleClaimType);
        ticket.Properties.IssuedUtc = issuedAt;
        ticket.Properties.ExpiresUtc = issuedAt + SessionLifetime.Idle;
        return Format(app).Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), ticket.Properties, ticket.AuthenticationScheme));
    }
}
