using System.Data;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Degree;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

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

    public enum Result { Done, NotFound, Changed, Refused }

    public sealed record Outcome(Result Result, string Message, int Id, string? PersonName = null)
    {
        public bool Done => Result == Result.Done;
    }

    public const string NotFoundText = "未找到该报名，或不在您的管辖范围内。";

    public async Task<Outcome> DecideAsync(int id, Guid seenVersion, Decision decision, string? comment, CancellationToken ct = default)
    {
        var stage = ReviewStage.For(me);
        if (stage is null) return new(Result.NotFound, NotFoundText, id);
        if (decision != Decision.Approve || stage.Level != OrgLevel.City)
            return await StepAsync(stage, id, seenVersion, decision, comment, ct);

        // SQL Server's retrying strategy requires a user transaction to run inside it; a retry
        // (e.g. after a deadlock between two admissions) reads the quota afresh.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            var outcome = await StepAsync(stage, id, seenVersion, decision, comment, ct);
            if (outcome.Done) await tx.CommitAsync(ct);
            return outcome;
        });
    }

    /// <summary>Approves each selected row on its own: scope, state, version and (for the city) quota are checked per row.</summary>
    public async Task<IReadOnlyList<Outcome>> ApproveManyAsync(IEnumerable<(int Id, Guid Version)> picks, string? comment, CancellationToken ct = default)
    {
        var outcomes = new List<Outcome>();
        foreach (var (id, version) in picks)
            outcomes.Add(await DecideAsync(id, version, Decision.Approve, comment, ct));
        return outcomes;
    }

    private async Task<Outcome> StepAsync(ReviewStage stage, int id, Guid seenVersion, Decision decision, string? comment, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var e = await db.Enrollments.InScope(me)
            .Include(x => x.Program).Include(x => x.Person)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return new(Result.NotFound, NotFoundText, id);
        var name = e.Person.Name;
        if (e.Version != seenVersion) return new(Result.Changed, DegreeTexts.Changed, id, name);

        var today = clock.Today();
        var now = clock.UtcNow();
        try
        {
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
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return new(Result.Refused, ex.Message, id, name);
        }

        var step = e.Transitions[^1];
        db.ExpectVersion(e, seenVersion);
        notifications.Notify(e.PersonId, e.Id, EnrollmentMessages.For(e, step), now);
        if (!await db.TrySaveAsync(ct)) return new(Result.Changed, DegreeTexts.Changed, id, name);
        return new(Result.Done, $"{name}：{step.Action.Name()}，当前状态“{step.To.Name()}”。", id, name);
    }

    private async Task AdmitAsync(Enrollment e, string? comment, DateOnly today, DateTime now, CancellationToken ct)
    {
        var offering = await db.FeeSchedules.AsNoTracking()
            .SingleOrDefaultAsync(f => f.CohortId == e.CohortId && f.ProgramId == e.ProgramId, ct)
            ?? throw new DomainException("本批次已不再开设该专业，无法录取；请退回学员改选专业。");
        var districtId = await db.OrgUnits.AsNoTracking().Where(u => u.Id == e.VillageId)
            .Select(u => u.Parent!.ParentId).SingleAsync(ct)
            ?? throw new DomainException("无法确定该报名所属的区，不能录取。");
        // Counted in the caller's transaction: the count and the save see the same rows.
        var use = await quotas.ForDistrictAsync(e.CohortId, districtId, ct);
        e.Admit(me.Actor, comment, offering.Split, use.Admitted, use.Quota, today, now);
    }
}
