using Microsoft.AspNetCore.Authorization;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.People.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInGate gate, ILogger<LoginModel> log) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var userName = Input.UserName.Trim();
        var answer = await gate.TryAsync(userName, Input.Password, ClientAddress.Of(HttpContext), ct);
        if (answer.Result is { Succeeded: true })
        {
            log.LogInformation("Sign-in: {User}", userName);
            return LocalRedirect(SafeReturnUrl);
        }
        if (answer.Result is { RequiresTwoFactor: true })
            return RedirectToPage("/People/Account/SignInCode", new { ReturnUrl });
        // One message for every refusal about the account (unknown, wrong password, locked, disabled): SignInGate.
        ModelState.AddModelError("", answer.Refusal == SignInGate.Refusal.Source ? PeopleTexts.SourceThrottled : PeopleTexts.SignInRefused);
        return Page();
    }

    private string SafeReturnUrl => this.LocalOrHome(ReturnUrl);
}
