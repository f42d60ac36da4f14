using Microsoft.AspNetCore.Authorization;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;

namespace Training.Web.Features.People.Account;

/// <summary>
/// The second step of a sign-in with two factors: the 6 digits the authenticator app shows, or one of the recovery
/// codes, in one box (the server tells them apart), so that nobody has to find a second link. Only reachable between a
/// right password and the code: Identity's short-lived two-factor cookie says whose code is awaited.
/// </summary>
[AllowAnonymous]
public sealed class SignInCodeModel(AppSignInManager signIn, TrainingDbContext db, TimeProvider clock, ILogger<SignInCodeModel> log) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = PeopleTexts.EnterCode)]
        [Display(Name = PeopleTexts.CodeLabel)]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/People/Account/Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/People/Account/Login", new { ReturnUrl });
        if (!ModelState.IsValid) return Page();

        var code = AuthenticatorCodes.Normalize(Input.Code);
        var recovery = code is null;
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCodes.Hash(Input.Code))
            : await signIn.TwoFactorAuthenticatorSignInAsync(code!, isPersistent: false, rememberClient: false);
        db.Audit.Add(result.Succeeded
            ? new AuditEntry(user.UserName!, recovery ? PeopleTexts.RecoveryCodeUsedAudit : PeopleTexts.SignedInWithCodeAudit, "", clock.UtcNow())
            : new AuditEntry(user.UserName!, PeopleTexts.CodeRefusedAudit, result.IsLockedOut ? PeopleTexts.RefusedLockedOut : "", clock.UtcNow(), AuditOutcome.Refused));
        await db.SaveChangesAsync(ct);
        if (result.Succeeded)
        {
            log.LogInformation("Sign-in with two factors: {User}", user.UserName);
            return LocalRedirect(this.LocalOrHome(ReturnUrl));
        }
        ModelState.AddModelError("", result.IsLockedOut ? PeopleTexts.CodeLockedOut : PeopleTexts.CodeRefused);
        Input.Code = "";
        return Page();
    }
}
