using Training.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.People.Home;

/// <summary>The staff's home card, first on its page: its unit and what is under it (units, villages, persons, cadres, reserves in the pool).</summary>
public sealed class UnitFactsCard(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : ViewComponent
{
    public sealed record UnitFacts(string UnitName, OrgLevel Level, int ChildUnits, int Villages, int Persons, int Cadres, int ReservesInPool);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (me.OrgUnitId is not { } unitId) return Content("");
        var today = clock.Today();
        // Every staff account of the unit opens this first: kept until a save changes what it counts (of the reserves,
        // only those in the pool: a recommendation or a township's selection leaves it as it is).
        var facts = await memo.GetAsync($"UnitFacts|{today:yyyyMMdd}",
            [.. DataStamps.SubjectsOf(typeof(OrgUnit), typeof(Person), typeof(Post)), DataFacets.PooledReserve],
            ct => CountAsync(unitId, today, ct), HttpContext.RequestAborted);
        return View("~/Features/People/Home/UnitFactsCard.cshtml", facts);
    }

    private async Task<UnitFacts> CountAsync(int unitId, DateOnly today, CancellationToken ct)
    {
        var units = db.OrgUnits.AsNoTracking().InScope(me);
        var unit = await units.Where(u => u.Id == unitId).Select(u => new { u.Name, u.Level }).SingleAsync(ct);
        var childUnits = await units.CountAsync(u => u.ParentId == unitId, ct);
        var villages = await units.CountAsync(u => u.Level == OrgLevel.Village, ct);
        var persons = await db.Persons.AsNoTracking().InScope(me).CountAsync(ct);
        var cadres = await db.Persons.AsNoTracking().InScope(me).Where(Person.TwoCommitteeCadreOn(today)).CountAsync(ct);
        var inPool = await db.Reserves.AsNoTracking().InScope(me).Where(ReserveCandidate.InPoolOnDate(today)).CountAsync(ct);
        return new UnitFacts(unit.Name, unit.Level, childUnits, villages, persons, cadres, inPool);
    }
}
