using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Training.Web.Infrastructure.Web;

/// <summary>
/// The one flash message: what a POST did, shown once on the page it redirects to (the layout
/// draws it). Kept in TempData (a protected cookie), so it survives the redirect on any web node
/// and never appears in a URL.
/// </summary>
public static class FlashMessages
{
    public const string Key = "flash";

    public static void Flash(this PageModel page, string message) => page.TempData[Key] = message;
}
