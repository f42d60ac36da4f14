using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Classes;

/// <summary>What every step on a class shares: who may act on it, and the audited save that ends it.</summary>
public static class ClassSteps
{
    /// <summary>A manager's step asked of a class the account only sees: forbidden; of one it does not see: not found.</summary>
    public static async Task<StepResult> NotManagedAsync(TrainingDbContext db, CurrentUser me, int id, CancellationToken ct) =>
        await db.TrainingClasses.InScope(me).AnyAsync(x => x.Id == id, ct) ? StepResult.Forbidden() : StepResult.NotFound();

    /// <summary>May enrol (and take off) persons of its own scope: the unit running the class, and a district for a class the city runs.</summary>
    public static async Task<bool> MayEnrolInAsync(TrainingDbContext db, CurrentUser me, TrainingClass c, CancellationToken ct) =>
        MayEnrolIn(me, c.Owner.Path) || await db.TrainingClasses.ManagedBy(me).AnyAsync(x => x.Id == c.Id, ct);

    /// <summary>A district enrols its own people into a class the city runs.</summary>
    public static bool MayEnrolIn(CurrentUser me, string ownerPath) =>
        me.IsIn(Roles.DistrictStaff) && me.OrgPath is { } path && ScopeQueries.AncestorPaths(path).Contains(ownerPath);

    /// <summary>
    /// Acts (the class's verb, returning what the audit records and the message to show) and saves with the
    /// audit entry: a broken rule answers 422 beside its field, someone else's change meanwhile (a concurrent
    /// enrolment) 409 with the one text.
    /// </summary>
    public static Task<StepResult> ActAsync(TrainingDbContext db, CurrentUser me, TimeProvider clock, int id,
        string action, Func<(string Detail, string Message)> act, CancellationToken ct) =>
        db.ActAsync(() =>
        {
            var (detail, message) = act();
            db.Audit.Add(new AuditEntry(me.UserName, action, detail, clock.UtcNow()));
            return message;
        }, ct, id);
}
