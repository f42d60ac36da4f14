using Microsoft.AspNetCore.Authorization;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Identity;

namespace Training.Web.Features.People.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<LoginModel> log) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = PeopleTexts.EnterUserName)]
        [Display(Name = PeopleTexts.UserNameLabel)]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = PeopleTexts.EnterPassword)]
        [DataType(DataType.Password)]
        [Display(Name = PeopleTexts.PasswordLabel)]
        public string Password { get; set; } = "";
    }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var userName = Input.UserName.Trim();
        var result = await signIn.PasswordSignInAsync(userName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("Sign-in: {User}", userName);
            return LocalRedirect(SafeReturnUrl);
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", PeopleTexts.LockedOut);
        }
        else if (result.IsNotAllowed && await users.FindByNameAsync(userName) is { IsDisabled: true })
        {
            ModelState.AddModelError("", PeopleTexts.AccountIsDisabled);
        }
        else
        {
            ModelState.AddModelError("", PeopleTexts.WrongCredentials);
        }
        return Page();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Home/Index")!;
}
