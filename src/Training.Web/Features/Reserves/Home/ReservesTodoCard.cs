using Training.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.Reserves.Coverage;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Reserves.Home;

/// <summary>
/// The staff's reserve work on the home page: candidates waiting at the account's own step of
/// 村推 → 镇选 → 区考察, mentoring pairs without an evaluation for too long, and villages below
/// the 1:2 rule as the coverage page reads it (the secretary post needs two 书记后备).
/// </summary>
public sealed class ReservesTodoCard(TrainingDbContext db, CurrentUser me, TimeProvider clock, CoverageQuery coverage, FiguresMemo memo) : ViewComponent
{
    /// <param name="WaitingState">The state waiting at this account's step; null for the village and the city, who have none.</param>
    public sealed record Todo(ReserveState? WaitingState, int CandidatesWaiting, int PairsOverdue, int VillagesBelowRule);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (me.OrgPath is not { } path) return Content("");
        var today = clock.Today();
        var waitingState = me.IsIn(Roles.TownshipStaff) ? ReserveState.Recommended
            : me.IsIn(Roles.DistrictStaff) ? ReserveState.Selected
            : (ReserveState?)null;
        var aborted = HttpContext.RequestAborted;
        // Three figures kept apart, each following only what it counts: the candidates waiting change with every step of
        // 村推 → 镇选 all morning, the coverage (villages, the pool) and the pairs (mentoring, the pool) far less often.
        var below = await memo.GetAsync($"ReservesBelowRule|{today:yyyyMMdd}", [DataStamps.SubjectOf(typeof(OrgUnit)), DataFacets.PooledReserve],
            async ct => (await coverage.VillagesUnderAsync(path, today, ct)).Count(v => !v.Rule.Meets), aborted);
        var waiting = waitingState is { } state
            ? await memo.GetAsync($"ReservesWaiting|{state}", [typeof(OrgUnit), typeof(ReserveCandidate)],
                ct => db.Reserves.AsNoTracking().InScope(me).CountAsync(r => r.State == state, ct), aborted)
            : 0;
        var overdue = await memo.GetAsync($"PairsOverdue|{today:yyyyMMdd}",
            [.. DataStamps.SubjectsOf(typeof(OrgUnit), typeof(MentorPair), typeof(MentorEvaluation)), DataFacets.PooledReserve],
            ct => db.MentorPairs.AsNoTracking().InScope(me).Where(MentorPair.OverdueOn(today)).CountAsync(ct), aborted);
        return View("~/Features/Reserves/Home/ReservesTodoCard.cshtml", new Todo(waitingState, waiting, overdue, below));
    }
}
