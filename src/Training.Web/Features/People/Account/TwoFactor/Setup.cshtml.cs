using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;

namespace Training.Web.Features.People.Account.TwoFactor;

/// <summary>
/// Sets up the authenticator: a key made on request (a POST), shown as a QR code and as text; the first code the app
/// shows proves it was read; then ten recovery codes, shown this once. CityAdmin and DistrictStaff are sent here until
/// it is done (<see cref="AccountObligations"/>); anybody else may come by choice.
/// </summary>
[Authorize(Policy = PeoplePermissions.OwnAccount)]
public sealed class SetupModel(UserManager<AppUser> users, IUserStore<AppUser> store, AppSignInManager signIn,
    TrainingDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>The key in groups of four, to type where the camera cannot read the QR code; null before one is made.</summary>
    public string? KeyText { get; private set; }
    public string? QrCodeDataUri { get; private set; }
    public bool Required { get; private set; }
    /// <summary>Shown once, right after the set-up.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = PeopleTexts.EnterCode)]
        [Display(Name = PeopleTexts.CodeLabel)]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage("/People/Account/TwoFactor/Index");
        await ShowAsync(user);
        return Page();
    }

    /// <summary>Makes the key (a new one replaces one not confirmed yet).</summary>
    public async Task<IActionResult> OnPostStartAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage("/People/Account/TwoFactor/Index");
        await users.ResetAuthenticatorKeyAsync(user);
        // The reset renews the security stamp, which ends every session of the account: this one goes on.
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage("/People/Account/TwoFactor/Index");
        if (!ModelState.IsValid) { await ShowAsync(user); return Page(); }
        if (!await users.VerifyTwoFactorTokenAsync(user, AuthenticatorCodes.Name, Input.Code))
        {
            ModelState.AddModelError("Input.Code", PeopleTexts.SetupCodeRefused);
            Input.Code = "";
            await ShowAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = await RecoveryCodes.ReplaceAsync(users, store, user, ct);
        db.Audit.Add(new AuditEntry(user.UserName!, PeopleTexts.TwoFactorEnabledAudit, "", clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    private async Task ShowAsync(AppUser user)
    {
        Required = RoleSets.SecondFactorRequired.Contains(user.Role);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key)) return;
        KeyText = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        using var data = QRCodeGenerator.GenerateQrCode(AuthenticatorCodes.KeyUri(PeopleTexts.AuthenticatorIssuer, user.UserName!, key), QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }
}
