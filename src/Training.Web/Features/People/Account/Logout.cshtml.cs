using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Identity;

namespace Training.Web.Features.People.Account;

/// <summary>Sign-out is a POST with antiforgery, like every change; a GET just goes home.</summary>
[Authorize(Policy = PeoplePermissions.OwnAccount)]
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Home/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/People/Account/Login");
    }
}
