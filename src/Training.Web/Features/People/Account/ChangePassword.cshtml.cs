using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;

namespace Training.Web.Features.People.Account;

/// <summary>Change one's own password; after an administrator's reset this is the only page open until done.</summary>
[Authorize(Policy = PeoplePermissions.OwnAccount)]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TrainingDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>Why the change is owed now (a given password, or one older than 90 days); null when the user chose to.</summary>
    public string? Reason { get; private set; }
    public string Rule { get; private set; } = "";
    public bool Done { get; private set; }
    /// <summary>Where to go once changed: what the account owes next (its authenticator), or home.</summary>
    public string NextPage { get; private set; } = "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = PeopleTexts.EnterCurrentPassword)]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = PeopleTexts.EnterNewPassword)]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = PeopleTexts.RepeatNewPassword)]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = PeopleTexts.NewPasswordsDiffer)]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Describe(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Describe(user);
        if (!ModelState.IsValid) return Page();
        if (Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError("", PeopleTexts.NewPasswordSameAsOld);
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            db.Audit.Add(new AuditEntry(user.UserName!, PeopleTexts.PasswordChangeRefusedAudit, string.Join(" ", result.Errors.Select(e => e.Description)), clock.UtcNow(), AuditOutcome.Refused));
            await db.SaveChangesAsync();
            return Page();
        }
        user.PasswordSetByOwner(clock.GetUtcNow().UtcDateTime);
        await users.UpdateAsync(user);
        db.Audit.Add(new AuditEntry(user.UserName!, PeopleTexts.PasswordChangedAudit, "", clock.UtcNow()));
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        Done = true;
        Reason = null;
        NextPage = AccountObligations.PageOf(AccountObligations.Of(user, clock.GetUtcNow().UtcDateTime));
        return Page();
    }

    private void Describe(AppUser user)
    {
        Rule = PeopleTexts.PasswordRuleOf(user);
        Reason = AccountObligations.Of(user, clock.GetUtcNow().UtcDateTime) != AccountObligation.ChangePassword ? null
            : user.MustChangePassword ? PeopleTexts.GivenPasswordMustChange
            : PeopleTexts.PasswordTooOld;
    }
}
