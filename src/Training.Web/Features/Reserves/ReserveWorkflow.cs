using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Reserves;

/// <summary>
/// The reserve candidate's steps as the signed-in account: 村推 (village staff, a person of its
/// own village), 镇选 or not (township), 区考察 into the pool or not, then 任用 or 退出 (district).
/// Before the pool a candidacy can also end: the village withdraws its 村推 (撤回推荐) and the
/// township takes a 镇选 candidate out (退出后备), each with a reason.
/// Every step starts from the version the account saw, so of two accounts acting at once
/// exactly one wins and the other is told. Outside the scope: not found.
/// </summary>
public sealed class ReserveWorkflow(TrainingDbContext db, CurrentUser me, TimeProvider clock)
{
    public enum Step { Select, DeclineByTownship, PutInPool, DeclineByDistrict, Appoint, Exit, Withdraw }

    /// <summary>What this account may do with a candidate in <paramref name="state"/>.</summary>
    public static IReadOnlyList<Step> Allowed(CurrentUser me, ReserveState state) => state switch
    {
        ReserveState.Recommended when me.IsIn(Roles.VillageStaff) => [Step.Withdraw],
        ReserveState.Recommended when me.IsIn(Roles.TownshipStaff) => [Step.Select, Step.DeclineByTownship],
        ReserveState.Selected when me.IsIn(Roles.TownshipStaff) => [Step.Exit],
        ReserveState.Selected when me.IsIn(Roles.DistrictStaff) => [Step.PutInPool, Step.DeclineByDistrict],
        ReserveState.InPool when me.IsIn(Roles.DistrictStaff) => [Step.Appoint, Step.Exit],
        _ => [],
    };

    public static string Label(Step step) => step switch
    {
        Step.Select => ReservesTexts.SelectStep,
        Step.DeclineByTownship => ReservesTexts.DeclineByTownshipStep,
        Step.PutInPool => ReservesTexts.PutInPoolStep,
        Step.DeclineByDistrict => ReservesTexts.DeclineByDistrictStep,
        Step.Appoint => ReservesTexts.AppointStep,
        Step.Exit => ReservesTexts.ExitStep,
        Step.Withdraw => ReservesTexts.WithdrawStep,
        _ => step.ToString(),
    };

    /// <summary>Steps that end the candidacy: they need a reason and a confirmation.</summary>
    public static bool NeedsReason(Step step) => step is Step.DeclineByTownship or Step.DeclineByDistrict or Step.Exit or Step.Withdraw;

    public async Task<StepResult> RecommendAsync(int personId, ReserveTarget target, string? comment, CancellationToken ct = default)
    {
        if (!me.IsIn(Roles.VillageStaff) || me.OrgUnitId is not { } villageId)
            return StepResult.Refused(ReservesTexts.OnlyVillageRecommends);
        db.ChangeTracker.Clear();
        var person = await db.Persons.InScope(me).Include(p => p.Village).SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return StepResult.Refused(ReservesTexts.PersonNotFound, nameof(personId));
        var village = await db.OrgUnits.SingleAsync(u => u.Id == villageId, ct);
        var existing = await db.Reserves.Where(r => r.PersonId == personId).ToListAsync(ct);
        return await db.CreateAsync(
            () => (ReserveCandidate.Recommend(person, village, target, me.Actor, clock.Today(), clock.UtcNow(), existing, comment),
                ReservesTexts.Recommended(person.Name, target)),
            _ => db.Reserves.Where(ReserveCandidate.Open).Where(r => r.PersonId == personId && r.Target == target),
            null, ReservesTexts.AlreadyCandidate(person.Name, target), ct);
    }

    /// <summary>One step on a candidate through the one workflow step (scope → version → the entity's verb → save).</summary>
    /// <param name="post">For <see cref="Step.Appoint"/>: the post taken in the reserve's village, recorded on the person from today (null: only the appointment).</param>
    public Task<StepResult> DecideAsync(int id, Guid seenVersion, Step step, string? comment, CancellationToken ct = default, PostType? post = null)
    {
        db.ChangeTracker.Clear();
        var query = db.Reserves.InScope(me).Include(x => x.Person).Include(x => x.Village).Where(x => x.Id == id);
        if (step == Step.Appoint && post is not null) query = query.Include(x => x.Person).ThenInclude(p => p.Posts);
        return db.RunAsync(query, seenVersion, r =>
        {
            if (!Allowed(me, r.State).Contains(step)) throw new DomainException(ReservesTexts.NotNow(r.State, Label(step)));
            var today = clock.Today();
            var now = clock.UtcNow();
            switch (step)
            {
                case Step.Select: r.SelectByTownship(me.Actor, comment, today, now); break;
                case Step.DeclineByTownship: r.DeclineByTownship(me.Actor, comment ?? "", today, now); break;
                case Step.PutInPool: r.PutInPool(me.Actor, comment, today, now); break;
                case Step.DeclineByDistrict: r.DeclineByDistrict(me.Actor, comment ?? "", today, now); break;
                case Step.Appoint when post is { } type: r.AppointTo(type, me.Actor, comment, today, now); break;
                case Step.Appoint: r.Appoint(today, me.Actor, comment, now); break;
                case Step.Exit or Step.Withdraw: r.Exit(today, comment ?? "", me.Actor, now); break;
            }
            return ReservesTexts.Decided(r, Label(step));
        }, ct);
    }
}
