using Training.Core.Domain;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Infrastructure.Workflow;

public enum StepStatus { Done, NotFound, Forbidden, Changed, Refused }

/// <summary>
/// How one step on a record ended: done (with the message to flash), not found in the account's
/// scope (404), seen but not the account's to act on (403), changed by someone else since the page was drawn (409), or refused by a rule
/// (422, with the field the rule is about). Pages answer it with <see cref="PageAnswers.AnswerAsync"/>.
/// </summary>
public sealed record StepResult(StepStatus Status, string Message, string? Field = null, int Id = 0)
{
    public bool IsDone => Status == StepStatus.Done;

    public static StepResult Done(string message, int id = 0) => new(StepStatus.Done, message, Id: id);
    public static StepResult NotFound(string message = CommonTexts.NotFound) => new(StepStatus.NotFound, message);
    public static StepResult Forbidden() => new(StepStatus.Forbidden, "");
    public static StepResult Changed(string message = CommonTexts.Changed, int id = 0) => new(StepStatus.Changed, message, Id: id);
    public static StepResult Refused(string message, string? field = null, int id = 0) => new(StepStatus.Refused, message, field, id);
    public static StepResult Refused(DomainException ex, int id = 0) => new(StepStatus.Refused, ex.Message, ex.Field, id);
}
