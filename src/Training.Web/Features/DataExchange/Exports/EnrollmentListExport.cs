using Microsoft.EntityFrameworkCore;
using SpreadCheetah;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Statistics.Export;

namespace Training.Web.Features.DataExchange.Exports;

/// <summary>
/// 报名名单: one row per application of the scope that was submitted (every state but 草稿), with
/// its current state, in the columns of the statistics report's sheet of the same name
/// (<see cref="StatisticsReport.EnrollmentHeaders"/>). Rows are streamed from the database into
/// the file: memory stays bounded however many there are. Called by <see cref="ExportJob"/> and
/// by the benchmark.
/// </summary>
public static class EnrollmentListExport
{
    public const string Sheet = StatisticsReport.EnrollmentsSheet;

    public static IReadOnlyList<string> Headers => StatisticsReport.EnrollmentHeaders;

    /// <summary>Writes the file at <paramref name="path"/> (which must not exist); returns the rows written.</summary>
    public static async Task<int> WriteAsync(TrainingDbContext db, int scopeUnitId, bool unmasked, string path,
        ExportProgressCallback? progress = null, CancellationToken ct = default)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        return await WriteAsync(db, scopeUnitId, unmasked, file, progress, ct);
    }

    /// <summary>Writes the workbook to <paramref name="output"/>; returns the rows written (headers not counted).</summary>
    public static async Task<int> WriteAsync(TrainingDbContext db, int scopeUnitId, bool unmasked, Stream output,
        ExportProgressCallback? progress = null, CancellationToken ct = default)
    {
        var scope = await ExportScope.GetAsync(db, scopeUnitId, ct);
        var enrollments = db.Enrollments.AsNoTracking()
            .Where(e => OrgPaths.IsUnder(e.Village.Path, scope.Path) && e.State != EnrollmentState.Draft);
        var total = await enrollments.CountAsync(ct);

        await using var book = await ExportBook.CreateAsync(output, total, progress, ct);
        await book.StartSheetAsync(Sheet, Headers, ct);
        var rows = enrollments
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
                e.State,
                e.Split.TotalFen,
                e.Split.SubsidyFen,
                e.Split.WaiverFen,
                e.Split.SelfPaidFen,
            })
            .AsAsyncEnumerable();
        var cells = new Cell[Headers.Count];
        await foreach (var e in rows.WithCancellation(ct))
        {
            cells[0] = ExportBook.IdNumber(e.IdNumber, unmasked);
            cells[1] = ExportBook.Text(e.Name);
            cells[2] = ExportBook.Text(e.VillageCode);
            cells[3] = ExportBook.Text(e.Level.Name());
            cells[4] = new Cell(e.Year);
            cells[5] = ExportBook.Text(e.School);
            cells[6] = ExportBook.Text(e.Program);
            cells[7] = ExportBook.Text(e.State.Name());
            cells[8] = book.Money(e.TotalFen);
            cells[9] = book.Money(e.SubsidyFen);
            cells[10] = book.Money(e.WaiverFen);
            cells[11] = book.Money(e.SelfPaidFen);
            await book.AddRowAsync(cells, ct);
        }
        await book.FinishAsync(ct);
        return book.Rows;
    }
}
