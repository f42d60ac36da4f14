using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Domain;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Infrastructure.Workflow;

/// <summary>
/// The one mapping of a step's outcome to an answer: done → the message flashed and
/// <c>done()</c> (usually a redirect, so a reload does not repeat the step); not found → 404; forbidden → 403;
/// changed → the page again with the message (409); refused → the page again with the message
/// beside its field (422). The page is drawn again by <c>again()</c>, which reloads what it
/// shows and keeps what the user typed (bound properties are untouched).
/// </summary>
public static class PageAnswers
{
    public static async Task<IActionResult> AnswerAsync(
        this PageModel page, StepResult result, Func<IActionResult> done, Func<Task> again, string? fieldPrefix = "Input")
    {
        switch (result.Status)
        {
            case StepStatus.Done:
                page.Flash(result.Message);
                return done();
            case StepStatus.NotFound:
                return page.NotFound();
            case StepStatus.Forbidden:
                return page.Forbid();
            default:
                page.ModelState.AddModelError(FieldKey(page, result.Field, fieldPrefix), result.Message);
                await again();
                var answer = page.Page();
                answer.StatusCode = result.Status == StepStatus.Changed ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
                return answer;
        }
    }

    /// <summary>A broken rule caught by a handler that does not go through <see cref="WorkflowStep"/>: its message beside its field.</summary>
    public static void AddRuleError(this PageModel page, DomainException ex, string? fieldPrefix = "Input") =>
        page.ModelState.AddModelError(FieldKey(page, ex.Field, fieldPrefix), ex.Message);

    /// <summary>
    /// "Input.StartOn" for a rule about StartOn when the page binds an Input with a StartOn; the form
    /// itself ("Input", or "Pay" on a page of several forms, each showing its own messages) for a rule
    /// about the whole record; "" otherwise, so a message is never keyed to a field the page does not
    /// show. The one _Errors partial draws every key.
    /// </summary>
    private static string FieldKey(PageModel page, string? field, string? prefix)
    {
        var holder = string.IsNullOrEmpty(prefix) ? page.GetType() : page.GetType().GetProperty(prefix)?.PropertyType;
        if (holder is null) return "";
        if (field is null || holder.GetProperty(field) is null) return prefix ?? "";
        return string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}";
    }
}
