using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Identity;

namespace Training.Web.Features.People.Account;

/// <summary>Change one's own password; after an administrator's reset this is the only page open until done.</summary>
[Authorize(Policy = PeoplePermissions.OwnAccount)]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Forced { get; private set; }
    public bool Done { get; private set; }

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
        Forced = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Forced = user.MustChangePassword;
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
            return Page();
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        Done = true;
        Forced = false;
        return Page();
    }
}
