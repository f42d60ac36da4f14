using Training.Core.Identity;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Infrastructure;

/// <summary>What an account owes before it may use the portal; at most one at a time, the first first.</summary>
public enum AccountObligation
{
    None = 0,
    /// <summary>A password given by an administrator or the command line, or a staff password older than 90 days.</summary>
    ChangePassword = 1,
    /// <summary>A role that must sign in with two factors (CityAdmin, DistrictStaff) and no authenticator set up yet.</summary>
    SetUpTwoFactor = 2,
}

/// <summary>
/// The one gate for what an account owes (issue 16 §2): the obligation travels in the cookie (rebuilt from the
/// account every minute by Identity's stamp validator, so a password that ages mid-session is caught within one)
/// and, until it is met, every page but the account's own pages sends the user to the page that meets it.
/// </summary>
public sealed class AccountObligations(RequestDelegate next)
{
    public static AccountObligation Of(AppUser user, DateTime now)
    {
        var maximumAge = PasswordRules.IsStaff(user) ? PasswordRules.StaffMaximumAge : (TimeSpan?)null;
        if (user.MustChangePassword || user.PasswordDueAt(maximumAge) <= now) return AccountObligation.ChangePassword;
        if (RoleSets.SecondFactorRequired.Contains(user.Role) && !user.TwoFactorEnabled) return AccountObligation.SetUpTwoFactor;
        return AccountObligation.None;
    }

    public static string PageOf(AccountObligation obligation) => obligation switch
    {
        AccountObligation.ChangePassword => "/Account/ChangePassword",
        AccountObligation.SetUpTwoFactor => "/Account/TwoFactor/Setup",
        _ => "/",
    };

    public Task Invoke(HttpContext context, CurrentUser user)
    {
        var path = context.Request.Path;
        if (user.IsSignedIn && user.Owes is not AccountObligation.None and var owed
            && !path.StartsWithSegments("/Account")
            && !path.StartsWithSegments("/lib") && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/js")
            && !path.StartsWithSegments("/health") && !path.StartsWithSegments("/_htmx"))
        {
            context.Response.Redirect(PageOf(owed));
            return Task.CompletedTask;
        }
        return next(context);
    }
}
