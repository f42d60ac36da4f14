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
        var request = page.Request;
        return request.IsHtmxNonBoosted() && !request.IsHtmxHistoryRestoreRequest()
            ? page.Partial(partialName, page)
            : page.Page();
    }

    /// <summary>The form again with its messages and what was typed: 422, as the domain exception filter answers (and htmx swaps it).</summary>
    public static PageResult Unprocessable(this PageModel page)
    {
        var result = page.Page();
        result.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return result;
    }
}
