using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Training.Core.Data;
using Training.Core.Identity;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Infrastructure;

/// <summary>
/// Checks the sign-in cookie on every request. The pages show full ID numbers, so a session must
/// end the moment its account's security stamp changes (sign-out, password change or reset,
/// disabling) — a copied cookie is refused from the next request on, on every web node — and
/// 12 hours after its sign-in whatever its activity. Each node keeps the stamps it read (<see cref="Known"/>)
/// with the version of the accounts' <see cref="DataStamps">data stamp</see>, which every save of an account raises
/// in its transaction on whichever node; a request compares that version, read with the stamps the page's kept
/// figures need anyway (<see cref="RequestStamps"/>), and reads the account's stamp again only when it moved.
/// Rebuilding the claims (scope, role, must-change flag) from the account stays with Identity's
/// <see cref="SecurityStampValidator"/> at its interval.
/// </summary>
public sealed class SessionCookieEvents(TrainingDbContext db, RequestStamps stamps, SessionCookieEvents.Known known, TimeProvider clock, IOptions<IdentityOptions> identity)
    : CookieAuthenticationEvents
{
    /// <summary>The security stamps this node read, by account id, with the accounts' data stamp they were read at (a singleton).</summary>
    public sealed class Known : IDisposable
    {
        public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = 50_000 });
        public void Dispose() => Cache.Dispose();
    }

    private sealed record Kept(long Version, string? Stamp);

    private static readonly MemoryCacheEntryOptions Keep = new() { SlidingExpiration = TimeSpan.FromMinutes(30), Size = 1 };

    private static readonly string Accounts = DataStamps.SubjectOf(typeof(AppUser));

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null || !IsWithinLifetime(principal) || !await StampIsCurrentAsync(principal, context.HttpContext.RequestAborted))
        {
            // Anonymous from here on: a page that needs an account sends the visitor to the login page.
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>A cookie without a sign-in time (issued before sessions had one) is refused: one more sign-in, once.</summary>
    private bool IsWithinLifetime(ClaimsPrincipal principal) =>
        SessionClaims.SignedInAtOf(principal) is { } signedInAt && clock.GetUtcNow() - signedInAt <= SessionLifetime.Absolute;

    private async Task<bool> StampIsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var claims = identity.Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (userId is null || stamp is null) return false;
        var version = (await stamps.ReadAsync(ct)).GetValueOrDefault(Accounts);
        if (known.Cache.TryGetValue(userId, out Kept? kept) && kept!.Version == version) return kept.Stamp == stamp;
        var current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(ct);
        known.Cache.Set(userId, new Kept(version, current), Keep);
        return current == stamp;
    }
}
