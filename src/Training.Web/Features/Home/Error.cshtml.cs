using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Training.Web.Features.Home;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Code { get; set; }
    public string Title => HomeTexts.ErrorTitle(Code);
    public string Text => HomeTexts.ErrorText(Code);

    public void OnGet() { }
    public void OnPost() { }
}
