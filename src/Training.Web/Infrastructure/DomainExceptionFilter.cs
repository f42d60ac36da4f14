using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Domain;

namespace Training.Web.Infrastructure;

/// <summary>
/// A broken rule thrown from a handler re-renders the same page with the message and what
/// the user typed (422), instead of an error page.
/// </summary>
public sealed class DomainExceptionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is DomainException ex && !executed.ExceptionHandled && executed.HandlerInstance is PageModel page)
        {
            page.ModelState.AddModelError("", ex.Message);
            executed.Result = new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
            executed.ExceptionHandled = true;
        }
    }
}
