using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Training.Core.Identity;

namespace Training.Web.Infrastructure;

/// <summary>
/// A disabled account cannot sign in, whatever its password. Every sign-in cookie carries the
/// time of its sign-in (<see cref="SessionClaims"/>), which a refresh of the same session keeps.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    TimeProvider clock)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Set only while <see cref="RefreshSignInAsync"/> re-issues the cookie of the current session.</summary>
    private DateTimeOffset? _refreshedSessionSignedInAt;

    /// <summary>After the sign-in gate checked the password: signs in, or asks for the second factor where the account has one.</summary>
    public Task<SignInResult> SignInOrTwoFactorAfterPasswordAsync(AppUser user) => SignInOrTwoFactorAsync(user, isPersistent: false);

    public override async Task<bool> CanSignInAsync(AppUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>A refresh (after a password change) is the same session: its 12 hours still run from the first sign-in.</summary>
    public override async Task RefreshSignInAsync(AppUser user)
    {
        var current = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        _refreshedSessionSignedInAt = SessionClaims.SignedInAtOf(current.Principal);
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            _refreshedSessionSignedInAt = null;
        }
    }

    public override Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims) =>
        base.SignInWithClaimsAsync(user, authenticationProperties,
            [.. additionalClaims, SessionClaims.SignedInAtClaim(_refreshedSessionSignedInAt ?? clock.GetUtcNow())]);
}
