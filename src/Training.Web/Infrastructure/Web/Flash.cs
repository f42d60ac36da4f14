using Microsoft.AspNetCore.Mvc;
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

    /// <summary>Says what was done, once, on the page the POST redirects to (so a reload repeats nothing).</summary>
    public static RedirectToPageResult FlashAndRedirect(this PageModel page, string message, string pageName, object? routeValues = null)
    {
        page.Flash(message);
        return page.RedirectToPage(pageName, routeValues);
    }
}
