using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Training.Web.Features.Home;

/// <summary>全部功能: every menu entry the account may open, as big tiles — the phone's way to what is not in its bottom bar.</summary>
[Authorize(Policy = HomePermissions.Home)]
public sealed class MenuModel : PageModel
{
    public void OnGet() { }
}
