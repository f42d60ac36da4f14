using System.Data;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Degree;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Degree.Reviews;

/// <summary>
/// One review step on one application, as the signed-in reviewer: approve (township / district)
/// or admit (city), return for correction, reject. Every step starts from the version the
/// reviewer saw, so of two reviewers acting at once exactly one wins; city admission counts the
/// district's quota inside the same serializable transaction as the save, so two admissions
/// cannot both take the last place.
/// </summary>
public sealed class ReviewWorkflow(
    TrainingDbContext db, CurrentUser me, QuotaQuery quotas, INotificationSender notifications, TimeProvider clock)
{
    public enum Decision { Approve, Return, Reject }

    /// <summary>One row of a bulk approval: whose application it was (for the list of what did not pass) and how its step ended.</summary>
    public sealed record Decided(int Id, string? PersonName, StepResult Result);

    public async Task<StepResult> DecideAsync(int id, Guid seenVersion, Decision decision, string? comment, CancellationToken ct = default)
    {
        var stage = ReviewStage.For(me);
        if (stage is null) return StepResult.NotFound();
        if (decision != Decision.Approve || stage.Level != OrgLevel.City)
            return await StepAsync(stage, id, seenVersion, decision, comment, ct);

        // SQL Server's retrying strategy requires a user transaction to run inside it; a retry
        // (e.g. after a deadlock between two admissions) reads the quota afresh.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            var result = await StepAsync(stage, id, seenVersion, decision, comment, ct);
            if (result.IsDone) await tx.CommitAsync(ct);
            return result;
        });
    }

    /// <summary>Approves each selected row on its own: scope, state, version and (for the city) quota are checked per row.</summary>
    public async Task<IReadOnlyList<Decided>> ApproveManyAsync(IEnumerable<(int Id, Guid Version)> picks, string? comment, CancellationToken ct = default)
    {
        var decided = new List<Decided>();
        foreach (var (id, version) in picks)
        {
            var result = await DecideAsync(id, version, Decision.Approve, comment, ct);
            var name = result.IsDone ? null
                : await db.Enrollments.AsNoTracking().InScope(me).Where(e => e.Id == id).Select(e => e.Person.Name).SingleOrDefaultAsync(ct);
            decided.Add(new Decided(id, name, result));
        }
        return decided;
    }

    /// <summary>The one workflow step (scope → version → the entity's verb → save), the applicant told in the same save.</summary>
    private Task<StepResult> StepAsync(ReviewStage stage, int id, Guid seenVersion, Decision decision, string? comment, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var application = db.Enrollments.InScope(me).Include(x => x.Program).Include(x => x.Person).Where(x => x.Id == id);
        return db.RunAsync(application, seenVersion, async e =>
        {
            var today = clock.Today();
            var now = clock.UtcNow();
            stage.RequireTurn(e.State);
            switch (decision)
            {
                case Decision.Approve when stage.Level == OrgLevel.Township:
                    e.ApproveByTownship(me.Actor, comment, today, now);
                    break;
                case Decision.Approve when stage.Level == OrgLevel.District:
                    e.ApproveByDistrict(me.Actor, comment, today, now);
                    break;
                case Decision.Approve:
                    await AdmitAsync(e, comment, today, now, ct);
                    break;
                case Decision.Return:
                    e.Return(me.Actor, comment ?? "", today, now);
                    break;
                case Decision.Reject:
                    e.Reject(me.Actor, comment ?? "", today, now);
                    break;
            }
            var step = e.Transitions[^1];
            notifications.Notify(e.PersonId, e.Id, EnrollmentMessages.For(e, step), now);
            // The timeline is the application's; the audit trail is the auditor's (等保 8.1.4.3), with the address.
            db.Audit.Add(new AuditEntry(me.UserName, DegreeTexts.ReviewAudit, DegreeTexts.ReviewAuditDetail(e.Id, e.Person.Name, step), now));
            return DegreeTexts.Decided(e.Person.Name, step);
        }, ct);
    }

    private async Task AdmitAsync(Enrollment e, string? comment, DateOnly today, DateTime now, CancellationToken ct)
    {
        var offering = await db.FeeSchedules.AsNoTracking()
            .SingleOrDefaultAsync(f => f.CohortId == e.CohortId && f.ProgramId == e.ProgramId, ct)
            ?? throw new DomainException(DegreeTexts.NoLongerOffered);
        var districtId = await db.OrgUnits.AsNoTracking().Where(u => u.Id == e.VillageId)
            .Select(u => u.Parent!.ParentId).SingleAsync(ct)
            ?? throw new DomainException(DegreeTexts.NoDistrict);
        // Counted in the caller's transaction: the count and the save see the same rows.
        var use = await quotas.ForDistrictAsync(e.CohortId, districtId, ct);
        e.Admit(me.Actor, comment, offering.Split, use.Admitted, use.Quota, today, now);
    }
}
