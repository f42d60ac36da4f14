using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Training.Web.Infrastructure;

/// <summary>
/// A request naming no handler the page has (<c>?handler=Old</c>, or a POST to a page that only answers GETs) is not
/// found. Razor Pages would otherwise draw the page without running any handler, so with nothing loaded — a server
/// error at best, a page drawn from defaults at worst.
/// </summary>
public sealed class UnknownHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
            context.Result = new NotFoundResult();
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}
