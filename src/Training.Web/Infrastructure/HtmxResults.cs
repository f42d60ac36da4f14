using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace Training.Web.Infrastructure;

public static class HtmxResults
{
    /// <summary>
    /// Same URL for page and fragment: an htmx request (not boosted, not a history restore)
    /// gets only the partial; everything else the whole page. Caches are told the two differ.
    /// </summary>
    public static IActionResult PageOrFragment(this PageModel page, string partialName)
    {
        page.Response.Headers.Append(HeaderNames.Vary, "HX-Request");
        return Answer(page, partialName);
    }

    private static IActionResult Answer(PageModel page, string partialName) =>
        page.Request.IsHtmxNonBoosted() && !page.Request.IsHtmxHistoryRestoreRequest()
            ? page.Partial(partialName, page)
            : page.Page();

    /// <summary>
    /// A page with more than one list paged by htmx: the fragment whose element the request targets (htmx's
    /// <c>HX-Target</c>: the element's id), the first one when it names none of them; the whole page otherwise.
    /// </summary>
    public static IActionResult PageOrFragment(this PageModel page, params (string TargetId, string PartialName)[] fragments)
    {
        page.Response.Headers.Append(HeaderNames.Vary, "HX-Request, HX-Target");
        var target = page.Request.Headers["HX-Target"].ToString();
        var chosen = fragments.FirstOrDefault(f => f.TargetId == target);
        return Answer(page, chosen.PartialName ?? fragments[0].PartialName);
    }

    /// <summary>The form again with its messages and what was typed: 422, as the domain exception filter answers (and htmx swaps it).</summary>
    public static PageResult Unprocessable(this PageModel page)
    {
        var result = page.Page();
        result.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return result;
    }
}
