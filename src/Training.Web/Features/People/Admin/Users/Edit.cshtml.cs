using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.People.Account;
using Training.Web.Features.People.Accounts;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.People.Admin.Users;

/// <summary>
/// Disable or enable an account, confirm its owner's 密码申请 with the code the owner reads out, or forget a lost
/// phone. No administrator sets or sees a password (issue 16 §4): the owner sets it (<see cref="PasswordRequests"/>).
/// Accounts outside what one may manage: 404. Each change redirects back with the flash.
/// </summary>
[Authorize(Policy = PeoplePermissions.Accounts)]
public sealed class EditModel(UserManager<AppUser> users, IUserStore<AppUser> store, AccountRules rules, PasswordRequests requests, TimeProvider clock) : PageModel
{
    public AccountView Account { get; private set; } = null!;

    /// <summary>The owner's open request, if any: when and from where it was made, for the administrator to weigh.</summary>
    public PasswordRequest? OpenRequest { get; private set; }

    public sealed record AccountView(string Id, string UserName, string DisplayName, string Role, string Scope,
        bool IsDisabled, bool MustChangePassword, DateTimeOffset? LockoutEnd, DateTime CreatedAt, bool TwoFactorEnabled);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) =>
        await ChangeAsync(id, ct, async user =>
        {
            user.IsDisabled = true;
            await users.UpdateAsync(user);
            // A new security stamp signs the account out everywhere at the next validation.
            await users.UpdateSecurityStampAsync(user);
            return (PeopleTexts.AccountDisabledAudit, PeopleTexts.AccountDisabled);
        })
            ? RedirectToPage("/People/Admin/Users/Edit", new { id })
            : NotFound();

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        await ChangeAsync(id, ct, async user =>
        {
            user.IsDisabled = false;
            await users.UpdateAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return (PeopleTexts.AccountEnabledAudit, PeopleTexts.AccountEnabled);
        })
            ? RedirectToPage("/People/Admin/Users/Edit", new { id })
            : NotFound();

    /// <summary>The administrator has checked who is asking (in person or by phone) and types the code they read out.</summary>
    public async Task<IActionResult> OnPostConfirmRequestAsync(string id, string? code, CancellationToken ct)
    {
        var user = await rules.ManageableUsers().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return NotFound();
        var outcome = await requests.ConfirmAsync(user, code ?? "", User.Identity!.Name!, ct);
        if (outcome == PasswordRequestConfirmation.Confirmed)
            return this.FlashAndRedirect(PeopleTexts.PasswordRequestConfirmed, "/People/Admin/Users/Edit", new { id });
        ModelState.AddModelError("code", outcome == PasswordRequestConfirmation.WrongCode ? PeopleTexts.PasswordRequestWrongCode : PeopleTexts.PasswordRequestNone);
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>
    /// A lost phone: the key and the recovery codes stop, and the owner sets up a new phone after the next sign-in with
    /// the password. Nobody but the owner ever sees a key.
    /// </summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken ct) =>
        await ChangeAsync(id, ct, async user =>
        {
            await AuthenticatorCodes.ForgetPhoneAsync(users, store, user, ct);
            return (PeopleTexts.TwoFactorResetAudit, PeopleTexts.TwoFactorResetDone);
        })
            ? RedirectToPage("/People/Admin/Users/Edit", new { id })
            : NotFound();

    /// <summary>Changes an account one may manage, audits it and flashes what was done; false when there is no such account.</summary>
    private async Task<bool> ChangeAsync(string id, CancellationToken ct, Func<AppUser, Task<(string Action, string Message)>> change)
    {
        var user = await rules.ManageableUsers().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return false;
        var (action, message) = await change(user);
        await rules.AuditAsync(action, user.UserName!, clock.GetUtcNow().UtcDateTime);
        this.Flash(message);
        return true;
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var account = await rules.ManageableUsers().AsNoTracking().Where(u => u.Id == id)
            .Select(u => new AccountView(u.Id, u.UserName!, u.DisplayName, u.Role,
                u.OrgUnit != null ? u.OrgUnit.Name : u.School != null ? u.School.Name : u.Person != null ? u.Person.Village.Name : "",
                u.IsDisabled, u.MustChangePassword, u.LockoutEnd, u.CreatedAt, u.TwoFactorEnabled))
            .SingleOrDefaultAsync(ct);
        if (account is null) return false;
        Account = account;
        OpenRequest = await requests.OpenRequestOfAsync(id, ct);
        return true;
    }
}
