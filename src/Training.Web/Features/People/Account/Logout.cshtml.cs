using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;

namespace Training.Web.Features.People.Account;

/// <summary>Sign-out is a POST with antiforgery, like every change; a GET just goes home.</summary>
[Authorize(Policy = PeoplePermissions.OwnAccount)]
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, TrainingDbContext db, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Home/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // Deleting the cookie only ends it in this browser. A new security stamp ends the session on
        // the server: a copy of the cookie (a shared phone's backup, a proxy's log) is refused from
        // the next request on (SessionCookieEvents). It ends the account's other sessions too.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            db.Audit.Add(new AuditEntry(user.UserName!, PeopleTexts.SignedOutAudit, "", clock.UtcNow()));
            await db.SaveChangesAsync();
        }
        await signIn.SignOutAsync();
        return RedirectToPage("/People/Account/Login");
    }
}
