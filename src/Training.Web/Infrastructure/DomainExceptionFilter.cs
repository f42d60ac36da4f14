using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Domain;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Infrastructure;

/// <summary>
/// The safety net under <see cref="WorkflowStep"/>: a broken rule that escapes a handler is
/// answered as a refused step would be (the same page, 422, the message beside its field via
/// <see cref="PageAnswers.AddRuleError"/>), never as an error page. Handlers that can re-load
/// what the page shows use <see cref="PageAnswers.AnswerAsync"/> instead.
/// </summary>
public sealed class DomainExceptionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is DomainException ex && !executed.ExceptionHandled && executed.HandlerInstance is PageModel page)
        {
            page.AddRuleError(ex);
            executed.Result = new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
            executed.ExceptionHandled = true;
        }
    }
}
