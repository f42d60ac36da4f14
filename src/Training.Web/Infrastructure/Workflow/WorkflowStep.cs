using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Infrastructure.Workflow;

/// <summary>
/// One step on one versioned record, the same way everywhere: load it in the account's scope →
/// check the version the user saw → act (the entity's verb) → save. A broken rule, a stale
/// version and a record outside the scope each come back as a <see cref="StepResult"/>, never as
/// an exception, so a page answers them alike with <see cref="PageAnswers.AnswerAsync"/>.
/// </summary>
public static class WorkflowStep
{
    /// <param name="record">The record, already filtered to the account's scope and to its id (e.g. <c>db.Reserves.InScope(me).Where(r => r.Id == id)</c>).</param>
    /// <param name="seenVersion">The version the user saw when the page was drawn.</param>
    /// <param name="act">Calls the entity's verb and returns the message to show when done.</param>
    public static Task<StepResult> RunAsync<T>(
        this TrainingDbContext db, IQueryable<T> record, Guid seenVersion, Func<T, string> act, CancellationToken ct)
        where T : class, IVersioned =>
        db.RunAsync(record, seenVersion, e => Task.FromResult(act(e)), ct);

    /// <summary>The same step when acting needs to read more (a quota counted in the caller's transaction).</summary>
    public static async Task<StepResult> RunAsync<T>(
        this TrainingDbContext db, IQueryable<T> record, Guid seenVersion, Func<T, Task<string>> act, CancellationToken ct)
        where T : class, IVersioned
    {
        var entity = await record.SingleOrDefaultAsync(ct);
        if (entity is null) return StepResult.NotFound();
        var id = db.Entry(entity).Property<int>("Id").CurrentValue;
        if (entity.Version != seenVersion) return StepResult.Changed(id: id);
        db.ExpectVersion(entity, seenVersion);
        string message;
        try
        {
            message = await act(entity);
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return StepResult.Refused(ex, id);
        }
        return await db.TrySaveAsync(ct) ? StepResult.Done(message, id) : StepResult.Changed(id: id);
    }
}
