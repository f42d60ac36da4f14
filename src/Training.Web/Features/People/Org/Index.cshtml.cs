using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.People.Org;

/// <summary>Browse the org tree from the account's own unit down. A unit outside the scope is 404.</summary>
[Authorize(Policy = PeoplePermissions.Org)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }

    public UnitView Unit { get; private set; } = null!;
    public IReadOnlyList<Crumb> Crumbs { get; private set; } = [];
    public IReadOnlyList<ChildRow> Children { get; private set; } = [];

    public sealed record UnitView(int Id, string Code, string Name, OrgLevel Level, VillageKind? Kind, int KeyPosts);
    public sealed record Crumb(int Id, string Name);
    public sealed record ChildRow(int Id, string Code, string Name, OrgLevel Level, VillageKind? Kind,
        int Villages, int Persons, int Cadres, int ReservesInPool, int KeyPosts);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var units = db.OrgUnits.AsNoTracking().InScope(me);
        var id = Id ?? me.OrgUnitId;
        var unit = await units.Where(u => u.Id == id)
            .Select(u => new UnitView(u.Id, u.Code, u.Name, u.Level, u.Kind, u.KeyPosts))
            .SingleOrDefaultAsync(ct);
        if (unit is null) return NotFound();
        Unit = unit;

        var path = await units.Where(u => u.Id == id).Select(u => u.Path).SingleAsync(ct);
        var ancestorCodes = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Crumbs = await units.Where(u => ancestorCodes.Contains(u.Code) && u.Id != id)
            .OrderBy(u => u.Level).Select(u => new Crumb(u.Id, u.Name)).ToListAsync(ct);

        var today = clock.Today();
        var persons = db.Persons.AsNoTracking();
        var inPool = db.Reserves.Where(ReserveCandidate.InPoolOnDate(today));
        Children = await units.Where(u => u.ParentId == id)
            .OrderBy(u => u.Code)
            .Select(u => new ChildRow(
                u.Id, u.Code, u.Name, u.Level, u.Kind,
                units.Count(v => v.Level == OrgLevel.Village && v.Path.StartsWith(u.Path)),
                persons.Count(p => p.Village.Path.StartsWith(u.Path)),
                persons.Where(Person.TwoCommitteeCadreOn(today)).Count(p => p.Village.Path.StartsWith(u.Path)),
                inPool.Count(r => r.Village.Path.StartsWith(u.Path)),
                units.Where(v => v.Level == OrgLevel.Village && v.Path.StartsWith(u.Path)).Sum(v => v.KeyPosts)))
            .ToListAsync(ct);
        return Page();
    }
}
