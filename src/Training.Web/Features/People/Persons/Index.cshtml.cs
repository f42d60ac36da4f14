using Training.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.People.Persons;

/// <summary>
/// Persons in the account's scope, searched by name and narrowed to a unit, paged. The same
/// URL serves the page and the rows fragment for htmx. ID numbers never travel in a URL:
/// looking a person up by ID number is a POST.
/// </summary>
[Authorize(Policy = PeoplePermissions.Persons)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? IdNumber { get; set; }

    public IReadOnlyList<UnitOption> Units { get; private set; } = [];
    public Paged<Row> Rows { get; private set; } = null!;
    public string? FindError { get; private set; }

    public sealed record UnitOption(int Id, string Name, OrgLevel Level);
    public sealed record Row(int Id, string Name, Sex Sex, DateOnly BirthDate, string IdNumber, string? Phone,
        string VillageCode, string VillageName, Education Education, IReadOnlyList<PostType> Posts);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Unit is not null && !await db.OrgUnits.InScope(me).AnyAsync(u => u.Id == Unit, ct)) return NotFound();
        await LoadAsync(ct);
        return this.PageOrFragment("_Rows");
    }

    /// <summary>Find one person by full ID number (sent in the body, not the URL).</summary>
    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        var today = clock.Today();
        if (!ResidentId.TryParse(IdNumber, today, out var id, out var error))
        {
            FindError = error;
        }
        else
        {
            var personId = await db.Persons.AsNoTracking().InScope(me)
                .Where(p => p.IdNumber == id.Value).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
            if (personId is not null) return RedirectToPage("/People/Persons/Details", new { id = personId });
            FindError = PeopleTexts.NoPersonWithIdNumber;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var q = Q?.Trim();
        // The list as first opened (a unit, a page, no name) is what staff open all day: kept whole until a person, a
        // post or a unit is saved. A name searched is read afresh: many keys, each seldom asked again.
        var shown = string.IsNullOrEmpty(q)
            ? await memo.GetAsync($"PersonsPage|{Unit}|{PageNumber}|{today:yyyyMMdd}", Follows, ct => ReadAsync(today, null, ct), ct)
            : await ReadAsync(today, q, ct);
        (Units, Rows) = (shown.Units, shown.Rows);
    }

    private static readonly Type[] Follows = [typeof(Person), typeof(Post), typeof(OrgUnit)];

    private sealed record Shown(IReadOnlyList<UnitOption> Units, Paged<Row> Rows);

    private async Task<Shown> ReadAsync(DateOnly today, string? q, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking().InScope(me)
            .Where(u => u.Level != OrgLevel.Village || u.Id == Unit || u.ParentId == me.OrgUnitId)
            .OrderBy(u => u.Path)
            .Select(u => new UnitOption(u.Id, u.Name, u.Level))
            .Take(500)
            .ToListAsync(ct);

        var query = db.Persons.AsNoTracking().InScope(me);
        if (Unit is not null)
        {
            var path = await db.OrgUnits.Where(u => u.Id == Unit).Select(u => u.Path).SingleAsync(ct);
            query = query.Where(p => OrgPaths.IsUnder(p.Village.Path, path));
        }
        if (!string.IsNullOrEmpty(q)) query = query.Where(p => p.Name.Contains(q));

        // The unfiltered list of a district or the city counts tens of thousands of persons: kept until one changes
        // (the page itself is kept too, but this count serves every page number of the unit).
        Func<CancellationToken, Task<int>>? count = string.IsNullOrEmpty(q)
            ? ct => memo.GetAsync($"PersonsCount|{Unit}", [typeof(Person), typeof(OrgUnit)], query.CountAsync, ct)
            : null;
        // By the village's path (its township's, then its own code): SQLite walks the path index in that order and
        // stops after the page, where ordering by the village's code sorted every person of the scope first.
        var rows = await query
            .OrderBy(p => p.Village.Path).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new Row(p.Id, p.Name, p.Sex, p.BirthDate, p.IdNumber, p.Phone, p.Village.Code, p.Village.Name,
                p.Education,
                p.Posts.AsQueryable().Where(Post.HeldOn(today)).Select(x => x.Type).ToList()))
            .ToPagedAsync(PageNumber, ct, count: count);
        return new Shown(units, rows);
    }

    public string PageUrl(int page) =>
        Url.Page("/People/Persons/Index", new
        {
            q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            unit = Unit,
            p = page > 1 ? page : (int?)null,
        })!;
}
