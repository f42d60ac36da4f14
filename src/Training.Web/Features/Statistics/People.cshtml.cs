using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Statistics;

/// <summary>
/// The persons behind one figure of a unit as of a date: what makes every dashboard number
/// traceable. The list is computed fresh for the date, so it is compared with the snapshot's
/// number and a difference is said out loud.
/// </summary>
[Authorize(Policy = StatisticsPermissions.View)]
public sealed class PeopleModel(TrainingDbContext db, CurrentUser me, StatisticsService stats, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Figure? Figure { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public UnitView Current { get; private set; } = null!;
    public DateOnly Date { get; private set; }
    public Paged<Row> Rows { get; private set; } = null!;
    /// <summary>The number the latest snapshot of that date holds for the figure, if there is one.</summary>
    public long? SnapshotCount { get; private set; }
    public bool DiffersFromSnapshot => SnapshotCount is { } n && n != Rows.Total;

    public sealed record UnitView(int Id, string Name, string Path);
    public sealed record Row(int Id, string Name, Sex Sex, string IdNumber, string? Phone, string VillageCode, string VillageName, Education Education);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Figure is not { } figure || !Enum.IsDefined(figure)) return NotFound();
        var id = Unit ?? me.OrgUnitId;
        var unit = await db.OrgUnits.AsNoTracking().InScope(me).Where(u => u.Id == id)
            .Select(u => new UnitView(u.Id, u.Name, u.Path)).SingleOrDefaultAsync(ct);
        if (unit is null) return NotFound();
        Current = unit;
        Date = AsOf ?? clock.Today();

        var ids = stats.PersonsBehind(figure, unit.Path, Date);
        var query = db.Persons.AsNoTracking().InScope(me).Where(p => ids.Contains(p.Id));
        Rows = await query
            .OrderBy(p => p.Village.Path).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new Row(p.Id, p.Name, p.Sex, p.IdNumber, p.Phone, p.Village.Code, p.Village.Name, p.Education))
            .ToPagedAsync(PageNumber, ct);

        var date = Date;
        var stored = await db.SnapshotFigures.AsNoTracking()
            .Where(r => r.OrgUnitId == unit.Id && db.StatisticsSnapshots.Any(s => s.Id == r.SnapshotId && s.AsOf == date))
            .Select(SnapshotReads.ToFigures).SingleOrDefaultAsync(ct);
        SnapshotCount = stored?.Count(figure);
        return this.PageOrFragment("_Rows");
    }

    public string PageUrl(int page) => Url.StatisticsPeople(Figure!.Value, Current.Id, Date, page);
}
