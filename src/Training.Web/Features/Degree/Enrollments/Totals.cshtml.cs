using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Enrollments;

/// <summary>
/// 学费汇总: for every district in scope and every cohort year, the enrollments that reached
/// admission and the sums of their splits (owed), of the payments (paid) and the difference
/// (outstanding), in yuan. Summed by the database, grouped by (district, year).
/// </summary>
[Authorize(Policy = DegreePermissions.Totals)]
public sealed class TotalsModel(TrainingDbContext db, CurrentUser me, FiguresMemo memo) : PageModel
{
    /// <summary>"/440100/440111/": the city's and the district's codes, six digits each.</summary>
    public const int DistrictPathLength = 15;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Line> ByDistrict { get; private set; } = [];
    public IReadOnlyList<Line> ByYear { get; private set; } = [];
    public Line Total { get; private set; } = Line.Empty(DegreeTexts.TotalRow);

    public sealed record Line(string Label, int Admitted, long SelfPaidOwed, long SelfPaidPaid, long SubsidyOwed, long SubsidyPaid, long Waiver)
    {
        public long SelfPaidOutstanding => SelfPaidOwed - SelfPaidPaid;
        public long SubsidyOutstanding => SubsidyOwed - SubsidyPaid;
        public static Line Empty(string label) => new(label, 0, 0, 0, 0, 0, 0);
        public static Line Sum(string label, IEnumerable<Line> lines) => lines.Aggregate(Empty(label), (a, b) =>
            a with
            {
                Admitted = a.Admitted + b.Admitted,
                SelfPaidOwed = a.SelfPaidOwed + b.SelfPaidOwed,
                SelfPaidPaid = a.SelfPaidPaid + b.SelfPaidPaid,
                SubsidyOwed = a.SubsidyOwed + b.SubsidyOwed,
                SubsidyPaid = a.SubsidyPaid + b.SubsidyPaid,
                Waiver = a.Waiver + b.Waiver,
            });
    }

    /// <summary>A table of lines with an optional total line.</summary>
    public sealed record Table(IReadOnlyList<Line> Lines, Line? Total, string Label, string TestId);

    public Table DistrictTable => new(ByDistrict, Total, DegreeTexts.DistrictColumn, "by-district");
    public Table YearTable => new(ByYear, null, DegreeTexts.YearColumn, "by-year");

    /// <summary>One (district, year) group as the database sums it.</summary>
    public sealed record Cell(string DistrictPath, int Year, int Admitted, long SelfPaidOwed, long SubsidyOwed, long Waiver, long SelfPaidPaid, long SubsidyPaid);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Sums over every admitted enrollment and payment of the scope (at province scale the page's whole cost): kept until one changes.
        var cells = await memo.GetAsync("EnrollmentTotals", [typeof(Enrollment), typeof(Payment), typeof(OrgUnit)],
            ct => CellsAsync(db, db.Enrollments.AsNoTracking().InScope(me), ct), ct);
        var districts = await memo.GetAsync("EnrollmentTotalsDistricts", [typeof(OrgUnit)], async ct =>
            (IReadOnlyList<(string Path, string Name)>)await db.OrgUnits.AsNoTracking().InScope(me).Where(u => u.Level == OrgLevel.District)
                .OrderBy(u => u.Code).Select(u => new ValueTuple<string, string>(u.Path, u.Name)).ToListAsync(ct), ct);

        Years = cells.Select(c => c.Year).Distinct().OrderByDescending(y => y).ToList();
        var yearCells = Year is null ? cells : cells.Where(c => c.Year == Year).ToList();
        ByDistrict = districts
            .Select(d => Line.Sum(d.Name, yearCells.Where(c => c.DistrictPath == d.Path).Select(ToLine)))
            .ToList();
        ByYear = cells.GroupBy(c => c.Year).OrderByDescending(g => g.Key)
            .Select(g => Line.Sum(DegreeTexts.YearRow(g.Key), g.Select(ToLine)))
            .ToList();
        Total = Line.Sum(DegreeTexts.TotalRow, yearCells.Select(ToLine));
        return Page();
    }

    private static Line ToLine(Cell c) => new("", c.Admitted, c.SelfPaidOwed, c.SelfPaidPaid, c.SubsidyOwed, c.SubsidyPaid, c.Waiver);

    /// <summary>
    /// Two grouped queries (the splits, the payments), each one SQL statement over the scoped
    /// enrollments; nothing is loaded row by row. Public so the tests compare it with a plain sum.
    /// </summary>
    public static async Task<IReadOnlyList<Cell>> CellsAsync(TrainingDbContext db, IQueryable<Enrollment> scoped, CancellationToken ct)
    {
        var enrollments = scoped.Where(Enrollment.HasReachedAdmission);
        var owed = await enrollments
            .GroupBy(e => new { District = e.Village.Path.Substring(0, DistrictPathLength), e.Year })
            .Select(g => new
            {
                g.Key.District,
                g.Key.Year,
                Admitted = g.Count(),
                SelfPaid = g.Sum(e => e.Split.SelfPaidFen),
                Subsidy = g.Sum(e => e.Split.SubsidyFen),
                Waiver = g.Sum(e => e.Split.WaiverFen),
            })
            .ToListAsync(ct);
        var paid = await (
                from p in db.Payments
                join e in enrollments on p.EnrollmentId equals e.Id
                group p.AmountFen by new { District = e.Village.Path.Substring(0, DistrictPathLength), e.Year, p.Kind } into g
                select new { g.Key.District, g.Key.Year, g.Key.Kind, Amount = g.Sum() })
            .ToListAsync(ct);
        long Paid(string district, int year, PaymentKind kind) =>
            paid.Where(p => p.District == district && p.Year == year && p.Kind == kind).Sum(p => p.Amount);
        return owed
            .Select(o => new Cell(o.District, o.Year, o.Admitted, o.SelfPaid, o.Subsidy, o.Waiver,
                Paid(o.District, o.Year, PaymentKind.SelfPaid), Paid(o.District, o.Year, PaymentKind.SubsidyDisbursement)))
            .ToList();
    }
}
