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
        var todo = await memo.GetAsync($"ReservesTodo|{waitingState}|{today:yyyyMMdd}",
            [typeof(OrgUnit), typeof(ReserveCandidate), typeof(MentorPair), typeof(MentorEvaluation), typeof(Post), typeof(Person)],
            ct => CountAsync(path, waitingState, today, ct), HttpContext.RequestAborted);
        return View("~/Features/Reserves/Home/ReservesTodoCard.cshtml", todo);
    }

    private async Task<Todo> CountAsync(string path, ReserveState? waitingState, DateOnly today, CancellationToken ct)
    {
        var below = (await coverage.VillagesUnderAsync(path, today, ct)).Count(v => !v.Rule.Meets);
        var waiting = waitingState is { } state
            ? await db.Reserves.AsNoTracking().InScope(me).CountAsync(r => r.State == state, ct)
            : 0;
        var overdue = await db.MentorPairs.AsNoTracking().InScope(me).Where(MentorPair.OverdueOn(today)).CountAsync(ct);
        return new Todo(waitingState, waiting, overdue, below);
    }
}
