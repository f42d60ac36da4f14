using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;

namespace Training.Web.Features.People.Account.TwoFactor;

/// <summary>One's own two-step verification: its state, new recovery codes (the old ones stop), a new phone.</summary>
[Authorize(Policy = PeoplePermissions.OwnAccount)]
public sealed class IndexModel(UserManager<AppUser> users, IUserStore<AppUser> store, AppSignInManager signIn,
    TrainingDbContext db, TimeProvider clock) : PageModel
{
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostNewCodesAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage("/People/Account/TwoFactor/Setup");
        NewRecoveryCodes = await RecoveryCodes.ReplaceAsync(users, store, user, ct);
        db.Audit.Add(new AuditEntry(user.UserName!, PeopleTexts.RecoveryCodesRenewedAudit, "", clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        await ShowAsync(user);
        return Page();
    }

    /// <summary>A new phone: the old key and codes stop now, and the set-up starts again.</summary>
    public async Task<IActionResult> OnPostNewPhoneAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await AuthenticatorCodes.ForgetPhoneAsync(users, store, user, ct);
        db.Audit.Add(new AuditEntry(user.UserName!, PeopleTexts.TwoFactorResetAudit, PeopleTexts.TwoFactorResetByOwner, clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage("/People/Account/TwoFactor/Setup");
    }

    private async Task ShowAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = RoleSets.SecondFactorRequired.Contains(user.Role);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
