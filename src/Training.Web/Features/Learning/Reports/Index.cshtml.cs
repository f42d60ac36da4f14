using Training.Web.Infrastructure.Data;
using Training.Web.Features.Learning.Assignments;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Learning.Reports;

/// <summary>
/// 学习统计 (LEARNING.md §7) of a unit in the account's scope for a year (this year unless asked): people by
/// category, 人均学时, 人均必修, 学时达标率, 未开始, 已逾期; every number links to its persons; the child units
/// (each linking to its own report) and their ranking by 人均学时; hours per month; and where the unit's
/// persons stand on each assignment of the year. Figures come from <see cref="LearningReport"/>.
/// </summary>
[Authorize(Policy = LearningPermissions.Follow)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, LearningReport report, FiguresMemo memo) : PageModel
{
    /// <summary>The years offered: this one and the four before it.</summary>
    public const int YearsShown = 5;

    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "order")] public UnitOrder Order { get; set; }
    /// <summary>The page of the child units' table: a district of a province has hundreds of townships.</summary>
    [BindProperty(SupportsGet = true, Name = "up")] public int UnitPage { get; set; } = 1;

    public LearningReport.Unit Current { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Crumbs { get; private set; } = [];
    public int ShownYear { get; private set; }
    public DateOnly Day { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public LearningFigures Figures { get; private set; } = LearningFigures.Zero;
    /// <summary>The child units' page, each with its place in the ranking by 人均学时 (<see cref="RankedUnit.Of"/>).</summary>
    public Paged<RankedUnit> Units { get; private set; } = null!;
    public Paged<LearningReport.AssignmentLine> Assignments { get; private set; } = null!;
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        if (Year is { } y && (y < today.Year - 50 || y > today.Year)) return NotFound();
        ShownYear = Year ?? today.Year;
        Day = LearningReport.DayOf(ShownYear, today);
        // The unit, its crumbs and the page's assignments kept until a unit or an assignment is saved: three queries
        // on every view of a report that staff open all day.
        var head = await memo.GetAsync($"LearningReportHead|{Unit}|{Day:yyyyMMdd}|{PageNumber}", HeadFollows, ReadHeadAsync, ct);
        if (head is null) return NotFound();
        var (unit, page) = (head.Unit, head.Page);
        (Current, Crumbs) = (unit, head.Crumbs);
        Years = Enumerable.Range(0, YearsShown).Select(i => today.Year - i).ToList();

        // The unit's tree and its assignment table are what a report costs (0.1–0.3 s at a city): kept until a save
        // changes what they follow. Nothing here depends on the account beyond the unit, which its scope holds.
        var (figures, children, months) = await report.KeptWithChildrenAsync(memo, unit, ShownYear, Day, ct);
        Figures = figures;
        Units = RankedUnit.Of(children, Order).ToPaged(UnitPage);

        var lines = await memo.GetAsync($"LearningLines|{unit.Id}|{Day:yyyyMMdd}|{string.Join(',', page.Items)}", AssignmentProgress.Follows,
            ct => report.LinesAsync(page.Items, unit.Path, Day, ct), ct);
        Assignments = new Paged<LearningReport.AssignmentLine>(lines, page.PageNumber, page.PageSize, page.Total);

        ChartJson = JsonSerializer.Serialize(new
        {
            months = new
            {
                labels = Enumerable.Range(1, 12).Select(ReportTexts.Month),
                series = new object[] { new { label = ReportTexts.MonthsSeries, data = months } },
            },
        });
        Months = months;
        return this.PageOrFragment(("rows", "_Assignments"), ("units", "_Units"));
    }

    public IReadOnlyList<decimal> Months { get; private set; } = [];

    private sealed record Head(LearningReport.Unit Unit, IReadOnlyList<(int Id, string Name)> Crumbs, Paged<int> Page);

    private static readonly string[] HeadFollows = DataStamps.SubjectsOf(typeof(OrgUnit), typeof(Assignment));

    private async Task<Head?> ReadHeadAsync(CancellationToken ct)
    {
        var unit = await FindAsync(db, me, Unit, ct);
        if (unit is null) return null;
        var ancestors = ScopeQueries.AncestorPaths(unit.Path);
        var crumbs = (await db.OrgUnits.AsNoTracking().InScope(me).Where(u => ancestors.Contains(u.Path))
            .OrderBy(u => u.Level).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        var page = await report.AssignmentsOfYear(ShownYear, Day).InScope(me).Select(a => a.Id).ToPagedAsync(PageNumber, ct);
        return new Head(unit, crumbs, page);
    }

    /// <summary>The unit asked for (the account's own by default), if the account's scope holds it.</summary>
    internal static Task<LearningReport.Unit?> FindAsync(TrainingDbContext db, CurrentUser me, int? unitId, CancellationToken ct)
    {
        var id = unitId ?? me.OrgUnitId;
        return db.OrgUnits.AsNoTracking().InScope(me).Where(u => u.Id == id)
            .Select(u => new LearningReport.Unit(u.Id, u.Code, u.Name, u.Path, u.Level)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The report's links, written from paths found once (<see cref="ReportLinks"/>).</summary>
    public ReportLinks.Paths Links => links ??= ReportLinks.Found(Url);
    private ReportLinks.Paths? links;

    public string People(LearningFigure figure, int unitId) => Links.People(figure, unitId, ShownYear);

    public string PageUrl(int page) => Links.Report(Current.Id, ShownYear, page, Units.PageNumber, Order);

    public string UnitsPageUrl(int unitPage) => UnitsUrl(unitPage, Order);

    public string UnitsUrl(int unitPage, UnitOrder order) => Links.Report(Current.Id, ShownYear, Assignments.PageNumber, unitPage, order);
}
