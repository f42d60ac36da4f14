using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Training.Web.Infrastructure;

/// <summary>The session's sign-in time, a claim issued at sign-in and carried over every refresh of the principal.</summary>
public static class SessionClaims
{
    public const string SignedInAt = "training:signedin";

    public static Claim SignedInAtClaim(DateTimeOffset at) =>
        new(SignedInAt, at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    public static DateTimeOffset? SignedInAtOf(ClaimsPrincipal? principal) =>
        long.TryParse(principal?.FindFirstValue(SignedInAt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;

    /// <summary>
    /// The security stamp validator rebuilds the principal from the account every minute; the
    /// rebuilt one keeps the original sign-in time, else the 12 hours would restart each minute.
    /// </summary>
    public static Task KeepSignInTime(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SignedInAt) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            identity.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType));
        return Task.CompletedTask;
    }
}
