using Training.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Assignments;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Learning.Reports;

/// <summary>
/// The persons behind a number of the learning report: a figure of a unit for a year
/// (<c>figure</c>), or the unit's persons in one standing on an assignment (<c>assignment</c> and
/// <c>standing</c>), chosen by the same rules that counted them, with their year's 学时.
/// </summary>
[Authorize(Policy = LearningPermissions.Follow)]
public sealed class PeopleModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, LearningReport report, FiguresMemo memo) : PageModel
{
    [BindProperty(SupportsGet = true)] public LearningFigure? Figure { get; set; }
    [BindProperty(SupportsGet = true)] public int? Assignment { get; set; }
    [BindProperty(SupportsGet = true)] public AssignmentStanding? Standing { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public LearningReport.Unit Current { get; private set; } = null!;
    public int ShownYear { get; private set; }
    public string Heading { get; private set; } = "";
    public Paged<Row> Rows { get; private set; } = null!;
    /// <summary>May open a person's ledger (township and above).</summary>
    public bool MayOpenLedger { get; private set; }

    public sealed record Row(int Id, string Name, string IdNumber, string VillageCode, string VillageName, long RequiredCenti, long ElectiveCenti)
    {
        public decimal Required => StudyHoursTotal.Hours(RequiredCenti);
        public decimal Elective => StudyHoursTotal.Hours(ElectiveCenti);
        public decimal Total => StudyHoursTotal.Hours(RequiredCenti + ElectiveCenti);
    }

    private static readonly Type[] RowsFollow = [typeof(Person), typeof(OrgUnit), typeof(StudyLedgerEntry)];

    public async Task<IActionResult> OnGetAsync([FromServices] IAuthorizationService authorization, CancellationToken ct)
    {
        var today = clock.Today();
        if (Year is { } y && (y < today.Year - 50 || y > today.Year)) return NotFound();
        var unit = await memo.GetAsync($"LearningUnit|{Unit}", [typeof(OrgUnit)], c => IndexModel.FindAsync(db, me, Unit, c), ct);
        if (unit is null) return NotFound();
        Current = unit;
        ShownYear = Year ?? today.Year;
        var day = LearningReport.DayOf(ShownYear, today);
        MayOpenLedger = (await authorization.AuthorizeAsync(User, LearningPermissions.Correct)).Succeeded;

        var persons = db.Persons.AsNoTracking().InScope(me);
        // The persons in the order of their villages and names, kept (a district's thousands sorted by name on every page otherwise).
        IQueryable<int> InOrder(IQueryable<int> ids) =>
            persons.Where(p => ids.Contains(p.Id)).OrderBy(p => p.Village.Path).ThenBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.Id);
        Func<CancellationToken, Task<int[]>> ordered;
        string key;
        string[] follows;
        if (Figure is { } figure && Enum.IsDefined(figure))
        {
            // Classifying every person of the unit (a district: 50 ms), only when the kept order is stale.
            ordered = async ct =>
            {
                var list = await report.PersonsBehindAsync(figure, unit, ShownYear, day, ct);
                // One JSON parameter (json_each / OPENJSON), however many ids: a list of tens of thousands exceeds SQLite's variables.
                return await InOrder(db.Persons.Where(p => EF.Parameter(list).Contains(p.Id)).Select(p => p.Id)).ToArrayAsync(ct);
            };
            Heading = ReportTexts.PeopleTitle(figure.Name(), unit.Name, ShownYear);
            (key, follows) = ($"LearningPeopleOrder|{figure}|{unit.Id}|{ShownYear}|{day:yyyyMMdd}", LearningTallyStamps.Followed);
        }
        else if (Assignment is { } assignmentId && Standing is { } standing && Enum.IsDefined(standing))
        {
            var a = await db.Assignments.AsNoTracking().InScope(me).Include(x => x.Unit).Include(x => x.Course)
                .SingleOrDefaultAsync(x => x.Id == assignmentId, ct);
            if (a is null) return NotFound();
            var path = unit.Path;
            ordered = InOrder(AssignmentProgress.Members(db, a, day, candidates => candidates.Where(p => OrgPaths.IsUnder(p.Village.Path, path)))
                .In(standing, AssignmentProgress.IsOverdueOn(a.DueOn, day)).Select(m => m.PersonId)).ToArrayAsync;
            Heading = ReportTexts.PeopleTitle($"{a.Course.Title} · {standing.Label()}", unit.Name, ShownYear);
            (key, follows) = ($"LearningPeopleOrder|{assignmentId}|{standing}|{unit.Id}|{ShownYear}|{day:yyyyMMdd}", AssignmentProgress.Follows);
        }
        else return NotFound();

        var year = ShownYear;
        var totals = db.StudyHoursTotals.Where(t => t.Year == year);
        Rows = await memo.ToPagedInKeptOrderAsync(key, [.. follows.Union(DataStamps.SubjectsOf(typeof(Person), typeof(OrgUnit)))],
            ordered,
            // The page's rows with their year's sums, kept until a person, a unit or the ledger (which the sums follow) changes.
            (page, ct) => memo.GetAsync($"LearningPeopleRows|{year}|{string.Join(',', page)}", RowsFollow, async ct => await persons
                .Where(p => page.Contains(p.Id))
                .Select(p => new Row(p.Id, p.Name, p.IdNumber, p.Village.Code, p.Village.Name,
                    totals.Where(t => t.PersonId == p.Id).Sum(t => (long?)t.RequiredCenti) ?? 0,
                    totals.Where(t => t.PersonId == p.Id).Sum(t => (long?)t.ElectiveCenti) ?? 0))
                .ToListAsync(ct), ct),
            r => r.Id, PageNumber, ct);
        return this.PageOrFragment("_People");
    }

    public string PageUrl(int page) => Figure is { } figure
        ? Url.LearningPeople(figure, Current.Id, ShownYear, page)
        : Url.LearningPeople(Assignment!.Value, Standing!.Value, Current.Id, ShownYear, page);
}
