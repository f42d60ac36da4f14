using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Core.Data;

namespace Training.Web.Infrastructure;

/// <summary>
/// Checks the sign-in cookie on every request. The pages show full ID numbers, so a session must
/// end the moment its account's security stamp changes (sign-out, password change or reset,
/// disabling) — a copied cookie is refused from the next request on, on every web node — and
/// 12 hours after its sign-in whatever its activity. The cost is one primary-key lookup of one
/// column per authenticated request; rebuilding the claims (scope, role, must-change flag) from the
/// account stays with Identity's <see cref="SecurityStampValidator"/> at its interval.
/// </summary>
public sealed class SessionCookieEvents(TrainingDbContext db, TimeProvider clock, IOptions<IdentityOptions> identity)
    : CookieAuthenticationEvents
{
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
        var current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(ct);
        return current == stamp;
    }
}
