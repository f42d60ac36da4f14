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
        return await db.ActAsync(() => act(entity), ct, id);
    }

    /// <summary>
    /// The act → save half of a step, for one whose records the caller loaded and checked itself
    /// (a new record, a step over a class and a person): a broken rule comes back as refused (nothing
    /// kept in the context), a concurrent change caught on saving as changed.
    /// </summary>
    /// <param name="act">Calls the verbs (and adds the audit entry) and returns the message to show when done.</param>
    public static Task<StepResult> ActAsync(this TrainingDbContext db, Func<string> act, CancellationToken ct, int id = 0) =>
        db.ActAsync(() => Task.FromResult(act()), ct, id);

    public static async Task<StepResult> ActAsync(this TrainingDbContext db, Func<Task<string>> act, CancellationToken ct, int id = 0)
    {
        string message;
        try
        {
            message = await act();
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return StepResult.Refused(ex, id);
        }
        return await db.TrySaveAsync(ct) ? StepResult.Done(message, id) : StepResult.Changed(id: id);
    }

    /// <summary>
    /// A new record (a candidacy, a pairing, a shadowing period) through the same act → save, with the
    /// guard two simultaneous requests need: both pass the domain's check, since neither sees the
    /// other's row before it commits, so after saving, of the records that may not both exist the
    /// earliest stands and a later one is taken back (audited by <paramref name="retraction"/>, given
    /// it and the standing record's id) and refused with <paramref name="duplicate"/>.
    /// </summary>
    /// <param name="create">Calls the entity's factory (and adds the audit entry); returns the new record and the message to show.</param>
    /// <param name="rivals">The records that may not exist beside the new one, itself included.</param>
    public static async Task<StepResult> CreateAsync<T>(this TrainingDbContext db, Func<(T Created, string Message)> create,
        Func<T, IQueryable<T>> rivals, Func<T, int, AuditEntry>? retraction, string duplicate, CancellationToken ct)
        where T : class
    {
        T? created = null;
        var result = await db.ActAsync(() =>
        {
            (created, var message) = create();
            db.Add(created);
            return message;
        }, ct);
        if (!result.IsDone) return result;
        if (!await db.KeepEarliestAsync(created!, rivals(created!), retraction is null ? null : first => retraction(created!, first), ct))
        {
            db.ChangeTracker.Clear();
            return StepResult.Refused(duplicate);
        }
        return result with { Id = db.Entry(created!).Property<int>("Id").CurrentValue };
    }
}
