using Microsoft.EntityFrameworkCore;
using SpreadCheetah;
using SpreadCheetah.Styling;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Reports;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Statistics.Export;

/// <summary>The unit a report is drawn up for: the city or one district.</summary>
public sealed record ReportScope(int Id, string Code, string Name, string Path, OrgLevel Level)
{
    /// <summary>"广州市（440100）"</summary>
    public string Label => CommonTexts.UnitLabel(Name, Code);
}

/// <summary>
/// 培训统计报表 (IMPORT-EXPORT.md, "Statistics report"): the figures of PRODUCT.md §8 for the
/// city or a district as of a date, computed fresh by <see cref="StatisticsService"/>, written
/// as an xlsx with a fixed layout. The web page (/Statistics/Export) and the command line verb
/// (export-stats) write the same file through <see cref="WriteAsync"/>.
/// </summary>
/// <remarks>
/// Rules of the layout: numbers are numeric cells, dates are date cells, shares are numbers
/// 0..1 formatted 0.0% (an empty cell when the denominator is zero), 后备比例 is a number
/// formatted 0.00, money is in yuan. Text that a spreadsheet could take for a formula is
/// neutralised (see <see cref="SafeText"/>). The enrollment list is streamed row by row from
/// the database, so memory stays bounded however many rows there are.
/// </remarks>
public sealed partial class StatisticsReport(TrainingDbContext db, StatisticsService statistics, LearningReport learning)
{
    public const string ContentType = Infrastructure.Web.Downloads.XlsxContentType;

    public const string PercentFormat = "0.0%";
    public const string RatioFormat = "0.00";
    public const string MoneyFormat = "0.00";
    public const string DateFormat = "yyyy-mm-dd";
    /// <summary>人均学时 in 学时统计: the exact average, shown with two decimals.</summary>
    public const string HoursFormat = "0.00";

    /// <summary>
    /// The city or a district by its code, or null when no such unit exists (a township or a
    /// village is not a report scope). Callers restrict <paramref name="units"/> to what the
    /// exporter may see (<c>db.OrgUnits.InScope(me)</c>); the command line passes them all.
    /// </summary>
    public static Task<ReportScope?> FindScopeAsync(IQueryable<OrgUnit> units, string code, CancellationToken ct = default) =>
        units.AsNoTracking()
            .Where(u => u.Code == code && (u.Level == OrgLevel.City || u.Level == OrgLevel.District))
            .Select(u => new ReportScope(u.Id, u.Code, u.Name, u.Path, u.Level))
            .SingleOrDefaultAsync(ct);

    /// <summary>The scopes a list offers, city first then districts by code.</summary>
    public static Task<List<ReportScope>> ScopesAsync(IQueryable<OrgUnit> units, CancellationToken ct = default) =>
        units.AsNoTracking()
            .Where(u => u.Level == OrgLevel.City || u.Level == OrgLevel.District)
            .OrderBy(u => u.Level).ThenBy(u => u.Code)
            .Select(u => new ReportScope(u.Id, u.Code, u.Name, u.Path, u.Level))
            .ToListAsync(ct);

    /// <summary>Writes the whole workbook to <paramref name="output"/>; ID numbers are masked when <paramref name="maskIds"/>.</summary>
    public async Task WriteAsync(Stream output, ReportScope scope, DateOnly asOf, bool maskIds, CancellationToken ct = default)
    {
        // Computed before the file is started: a failing figure fails the export, not half a file.
        var figures = await statistics.ComputeAsync(scope.Path, asOf, ct);
        var children = await statistics.ComputeForChildrenAsync(scope.Id, asOf, ct);
        var years = await statistics.ComputeByCohortYearAsync(scope.Path, asOf, ct);
        var hours = await LearningByChildAsync(scope, asOf, ct);

        await using var book = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions
        {
            DefaultDateTimeFormat = NumberFormat.Custom(DateFormat),
        }, ct);
        var styles = new Styles(
            Header: book.AddStyle(new Style { Font = { Bold = true } }),
            Percent: book.AddStyle(new Style { Format = NumberFormat.Custom(PercentFormat) }),
            Ratio: book.AddStyle(new Style { Format = NumberFormat.Custom(RatioFormat) }),
            Money: book.AddStyle(new Style { Format = NumberFormat.Custom(MoneyFormat) }),
            Date: book.AddStyle(new Style { Format = NumberFormat.Custom(DateFormat) }),
            Hours: book.AddStyle(new Style { Format = NumberFormat.Custom(HoursFormat) }));

        await WriteSummaryAsync(book, styles, scope, asOf, figures, ct);
        await WriteBreakdownAsync(book, styles, scope, children, ct);
        if (hours is not null) await WriteLearningAsync(book, styles, hours, ct);
        await WriteCohortYearsAsync(book, styles, years, ct);
        await WriteEnrollmentsAsync(book, styles, scope, asOf, maskIds, ct);
        await book.FinishAsync(ct);
    }

    private sealed record Styles(StyleId Header, StyleId Percent, StyleId Ratio, StyleId Money, StyleId Date, StyleId Hours);

    private static async Task WriteSummaryAsync(Spreadsheet book, Styles s, ReportScope scope, DateOnly asOf, Figures f, CancellationToken ct)
    {
        await book.StartWorksheetAsync(SummarySheet, token: ct);
        await book.AddHeaderRowAsync(SummaryHeaders, s.Header, ct);
        await book.AddRowAsync([new Cell(ScopeLabel), Text(scope.Label)], ct);
        await book.AddRowAsync([new Cell(AsOfLabel), new Cell(asOf.ToDateTime(TimeOnly.MinValue), s.Date)], ct);
        var values = FigureCells(f, s);
        for (var i = 0; i < FigureHeaders.Length; i++)
            await book.AddRowAsync([new Cell(FigureHeaders[i]), values[i]], ct);
    }

    private static async Task WriteBreakdownAsync(Spreadsheet book, Styles s, ReportScope scope, IReadOnlyList<UnitFigures> children, CancellationToken ct)
    {
        await book.StartWorksheetAsync(scope.Level == OrgLevel.City ? DistrictsSheet : TownshipsSheet, token: ct);
        await book.AddHeaderRowAsync([CodeHeader, NameHeader, .. FigureHeaders], s.Header, ct);
        foreach (var child in children.OrderBy(c => c.Code, StringComparer.Ordinal))
            await book.AddRowAsync([Text(child.Code), Text(child.Name), .. FigureCells(child.Figures, s)], ct);
    }

    /// <summary>
    /// 学时统计 (IMPORT-EXPORT.md), when the portal has learning data (an entry in the 学时 ledger): the child
    /// units' learning figures for the calendar year of the statistics date, as of that date
    /// (<see cref="LearningFigures"/> defines them); null when there is none.
    /// </summary>
    private async Task<IReadOnlyList<UnitLearning>?> LearningByChildAsync(ReportScope scope, DateOnly asOf, CancellationToken ct)
    {
        if (!await db.StudyLedger.AnyAsync(ct)) return null;
        var unit = new LearningReport.Unit(scope.Id, scope.Code, scope.Name, scope.Path, scope.Level);
        return (await learning.ComputeWithChildrenAsync(unit, asOf.Year, asOf, ct)).Children;
    }

    private static async Task WriteLearningAsync(Spreadsheet book, Styles s, IReadOnlyList<UnitLearning> children, CancellationToken ct)
    {
        await book.StartWorksheetAsync(LearningSheet, token: ct);
        await book.AddHeaderRowAsync(LearningHeaders, s.Header, ct);
        foreach (var c in children.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            var f = c.Figures;
            await book.AddRowAsync([
                Text(c.Code), Text(c.Name), new Cell(f.Learners),
                f.HoursPerLearner is { } h ? new Cell(h, s.Hours) : new Cell(),
                f.RequiredPerLearner is { } r ? new Cell(r, s.Hours) : new Cell(),
                new Cell(f.Reached), Share(f.ReachedRate, s), new Cell(f.NotStarted),
            ], ct);
        }
    }

    private static async Task WriteCohortYearsAsync(Spreadsheet book, Styles s, IReadOnlyList<CohortYearFigures> years, CancellationToken ct)
    {
        await book.StartWorksheetAsync(CohortYearsSheet, token: ct);
        await book.AddHeaderRowAsync(CohortYearHeaders, s.Header, ct);
        foreach (var y in years.OrderBy(y => y.Year))
            await book.AddRowAsync([new Cell(y.Year), new Cell(y.Admitted), new Cell(y.Graduated), Share(y.GraduationRate, s), new Cell(y.InStudy)], ct);
    }

    /// <summary>
    /// One row per enrollment in scope that reached admission by the date (admitted on or before it:
    /// Admitted, Graduated or Withdrawn as of the date). Applications that were never admitted (drafts,
    /// reviews, rejected, cancelled) and enrollments admitted after the date are not part of the figures
    /// and not listed. 状态 is the state on the date, from the dated columns as §8 defines it.
    /// </summary>
    private async Task WriteEnrollmentsAsync(Spreadsheet book, Styles s, ReportScope scope, DateOnly asOf, bool maskIds, CancellationToken ct)
    {
        await book.StartWorksheetAsync(EnrollmentsSheet, token: ct);
        await book.AddHeaderRowAsync(EnrollmentHeaders, s.Header, ct);
        var rows = db.Enrollments.AsNoTracking()
            .Where(e => OrgPaths.IsUnder(e.Village.Path, scope.Path) && e.AdmittedOn != null && e.AdmittedOn <= asOf)
            .OrderBy(e => e.Village.Code).ThenBy(e => e.Year).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Person.IdNumber,
                e.Person.Name,
                VillageCode = e.Village.Code,
                e.Level,
                e.Year,
                School = e.Program.School.Name,
                Program = e.Program.Name,
                e.GraduatedOn,
                e.WithdrawnOn,
                e.Split.TotalFen,
                e.Split.SubsidyFen,
                e.Split.WaiverFen,
                e.Split.SelfPaidFen,
            })
            .AsAsyncEnumerable();
        var cells = new Cell[EnrollmentHeaders.Length];
        await foreach (var e in rows.WithCancellation(ct))
        {
            var state = e.GraduatedOn is { } g && g <= asOf ? EnrollmentState.Graduated
                : e.WithdrawnOn is { } w && w <= asOf ? EnrollmentState.Withdrawn
                : EnrollmentState.Admitted;
            cells[0] = Text(maskIds ? ResidentId.Mask(e.IdNumber) : e.IdNumber);
            cells[1] = Text(e.Name);
            cells[2] = Text(e.VillageCode);
            cells[3] = Text(e.Level.Name());
            cells[4] = new Cell(e.Year);
            cells[5] = Text(e.School);
            cells[6] = Text(e.Program);
            cells[7] = Text(state.Name());
            cells[8] = Money(e.TotalFen, s);
            cells[9] = Money(e.SubsidyFen, s);
            cells[10] = Money(e.WaiverFen, s);
            cells[11] = Money(e.SelfPaidFen, s);
            await book.AddRowAsync(cells, ct);
        }
    }

    /// <summary>The cells of 汇总 rows 4 to 18, in <see cref="FigureHeaders"/> order.</summary>
    private static Cell[] FigureCells(Figures f, Styles s) =>
    [
        new Cell(f.Participants),
        new Cell(f.Graduates),
        new Cell(f.InStudy),
        new Cell(f.Secretaries),
        new Cell(f.SecretariesAssociateOrAbove),
        Share(f.SecretaryShare, s),
        new Cell(f.TwoCommitteeCadres),
        new Cell(f.TwoCommitteeAssociateOrAbove),
        Share(f.TwoCommitteeShare, s),
        new Cell(f.ReservesInPool),
        new Cell(f.SecretaryReserves),
        f.ReserveRatio.Value is { } ratio ? new Cell(ratio, s.Ratio) : new Cell(),
        Money(f.SelfPaidFen, s),
        Money(f.SubsidyFen, s),
        Money(f.WaiverFen, s),
    ];

    /// <summary>The exact fraction as a number 0..1 shown as 78.0%; an empty cell when the denominator is zero.</summary>
    private static Cell Share(Share share, Styles s) => share.Value is { } v ? new Cell(v, s.Percent) : new Cell();

    private static Cell Money(long fen, Styles s) => new(Core.Domain.Money.ToYuan(fen), s.Money);

    private static Cell Text(string? text) => new(SafeText(text));

    /// <summary>
    /// Formula injection (OWASP "CSV injection"): a text that begins with =, +, -, @, a tab or a
    /// carriage return gets a leading apostrophe. The cell is a text cell anyway, so no spreadsheet
    /// evaluates it as the file stands; the apostrophe keeps it inert when the sheet is saved as
    /// CSV, copied, or the cell is edited, and it is visible, so a reader sees the text was altered.
    /// </summary>
    public static string SafeText(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
