using Training.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Enrollments;

/// <summary>
/// 学籍与缴费: enrollments (applications that reached admission) in the account's scope,
/// filtered by cohort year, state, unit and name, paged; the same URL serves the rows for htmx.
/// Township staff may look; district and city record payments on the details page.
/// </summary>
[Authorize(Policy = DegreePermissions.Enrollments)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, FiguresMemo memo) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public EnrollmentState? State { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<UnitOption> Units { get; private set; } = [];
    /// <summary>The page of rows shown: counted, its number clamped to the pages there are (the one Paged).</summary>
    public Paged<Row> Paged { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<Row> Rows => Paged.Items;
    public int Total => Paged.Total;
    public int PageCount => Paged.PageCount;
    public bool MayRecordPayments => me.IsIn(Roles.DistrictStaff) || me.IsIn(Roles.CityAdmin);
    public bool MaySeeTotals => MayRecordPayments;

    public sealed record UnitOption(int Id, string Name, OrgLevel Level);
    public sealed record Row(int Id, string Name, string IdNumber, string VillageCode, string VillageName, int Year,
        string School, string Program, DegreeLevel Level, EnrollmentState State, long SelfPaidOwedFen, long SelfPaidFen);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Unit is not null && !await db.OrgUnits.InScope(me).AnyAsync(u => u.Id == Unit, ct)) return NotFound();
        if (State is not null && !EnrollmentForms.States.Contains(State.Value)) State = null;
        var mine = db.Enrollments.AsNoTracking().InScope(me).Where(Enrollment.HasReachedAdmission);

        // The years and the unfiltered count read every admitted enrollment of the scope: kept until one changes.
        var counted = DataStamps.SubjectsOf(typeof(Enrollment), typeof(OrgUnit), typeof(Person));
        Years = await memo.GetAsync("EnrollmentYears", counted,
            async ct => (IReadOnlyList<int>)await mine.Select(e => e.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct), ct);
        Units = await memo.GetAsync($"EnrollmentUnits|{Unit}", [typeof(OrgUnit)], async ct => (IReadOnlyList<UnitOption>)await db.OrgUnits.AsNoTracking().InScope(me)
            .Where(u => u.Level != OrgLevel.Village || u.Id == Unit || u.ParentId == me.OrgUnitId)
            .OrderBy(u => u.Path)
            .Select(u => new UnitOption(u.Id, u.Name, u.Level))
            .Take(500)
            .ToListAsync(ct), ct);

        var query = mine;
        if (Year is not null) query = query.Where(e => e.Year == Year);
        if (State is not null) query = query.Where(e => e.State == State);
        if (Unit is not null)
        {
            var path = await db.OrgUnits.Where(u => u.Id == Unit).Select(u => u.Path).SingleAsync(ct);
            query = query.Where(e => OrgPaths.IsUnder(e.Village.Path, path));
        }
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q)) query = query.Where(e => e.Person.Name.Contains(q));

        var ordered = query.OrderByDescending(e => e.Year).ThenBy(e => e.Village.Code).ThenBy(e => e.Person.Name).ThenBy(e => e.Id);
        // Without a name to look for, the order of the scope's enrollments (a sort of thousands over names) is kept, and
        // each page of rows with it until an enrollment, a payment or what a row names changes.
        Paged = string.IsNullOrEmpty(q)
            ? await memo.GetAsync($"EnrollmentPage|{Year}|{State}|{Unit}|{PageNumber}", PageFollows, ct =>
                ordered.Select(e => e.Id).ToPagedInKeptOrderAsync(memo, $"EnrollmentOrder|{Year}|{State}|{Unit}", counted,
                    async (ids, ct) => await RowsOf(mine.Where(e => ids.Contains(e.Id))).ToListAsync(ct), r => r.Id, PageNumber, ct, PageSize), ct)
            : await RowsOf(ordered).ToPagedAsync(PageNumber, ct, PageSize);
        PageNumber = Paged.PageNumber;
        return this.PageOrFragment("_Rows");
    }

    private static readonly string[] PageFollows = DataStamps.SubjectsOf(
        typeof(Enrollment), typeof(OrgUnit), typeof(Person), typeof(Payment), typeof(StudyProgram), typeof(School));

    private static IQueryable<Row> RowsOf(IQueryable<Enrollment> enrollments) =>
        enrollments.Select(e => new Row(e.Id, e.Person.Name, e.Person.IdNumber, e.Village.Code, e.Village.Name, e.Year,
            e.Program.School.Name, e.Program.Name, e.Level, e.State, e.Split.SelfPaidFen,
            e.Payments.Where(p => p.Kind == PaymentKind.SelfPaid).Sum(p => p.AmountFen)));

    public string PageUrl(int page)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add("q=" + Uri.EscapeDataString(Q.Trim()));
        if (Year is not null) parts.Add("year=" + Year);
        if (State is not null) parts.Add("state=" + State);
        if (Unit is not null) parts.Add("unit=" + Unit);
        if (page > 1) parts.Add("p=" + page);
        return "/Enrollments" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}
