using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Learning.Offline;

/// <summary>
/// 线下学时导入 (IMPORT-EXPORT.md "Offline study hours import"): sheet 线下学时, all or nothing. Each
/// row is one person's training elsewhere; the person must be in the roster and below the importer's
/// unit (the whole city for CityAdmin and the <c>import-hours</c> verb, its district for DistrictStaff).
/// A row whose key (身份证号 + 日期 + 培训名称) is already recorded changes nothing and is counted
/// unchanged, so the same file imported twice writes nothing the second time; a key twice in the file is
/// an error. Every other row becomes an <see cref="OfflineStudyRecord"/> and its ledger entry, written in
/// one transaction. Counts: <c>SheetCounts("线下学时", Added: new records, 0, Unchanged: the rest)</c>.
/// </summary>
public sealed class OfflineHoursImport(TrainingDbContext db, TimeProvider clock)
{
    public const string Sheet = OfflineColumns.Sheet;
    public static readonly IReadOnlyList<string> Columns = OfflineColumns.All;

    /// <summary>How many ID numbers or person ids one lookup query carries (SQL Server allows 2,100 parameters).</summary>
    private const int LookupBatch = 500;

    private sealed record HoursRow(int Number, string IdNumber, DateOnly On, decimal Hours, bool Required, string Title, string Organizer);

    /// <param name="scopeUnitId">The importer's org unit: persons of villages below it may be named.</param>
    /// <param name="recordedBy">Who the records and ledger entries say recorded them.</param>
    /// <param name="importRunId">The web upload's run, kept on each record; null from the command line.</param>
    public async Task<ImportOutcome> RunAsync(Stream xlsx, int scopeUnitId, string recordedBy, int? importRunId,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        progress?.Report(new ImportProgress(0, ImportTexts.Reading));
        await using var copy = await WorkbookReader.SeekableCopyAsync(xlsx, ct);
        using var book = WorkbookReader.TryOpen(copy ?? xlsx, out var openError);
        if (book is null) return ImportOutcome.Rejected([ImportError.File(openError!)]);
        if (!book.HasSheet(Sheet)) return ImportOutcome.Rejected([new ImportError(Sheet, 0, "", OfflineTexts.NoSheet(book.SheetNames))]);

        var scope = await db.OrgUnits.AsNoTracking().Where(u => u.Id == scopeUnitId)
            .Select(u => new { u.Path, u.Name, u.Level }).SingleAsync(ct);
        var today = clock.Today();
        var now = clock.UtcNow();
        var errors = new List<ImportError>();
        var rows = ReadRows(book, today, now, errors);
        ct.ThrowIfCancellationRequested();
        progress?.Report(new ImportProgress(30, ImportTexts.Checking));

        var persons = await PersonsAsync(rows.Select(r => r.IdNumber).Distinct().ToList(), scope.Path, ct);
        var scopeName = scope.Level == OrgLevel.City ? OfflineTexts.WholeCity : scope.Name;
        var recorded = await RecordedAsync(persons.Values.Distinct().ToList(), ct);
        progress?.Report(new ImportProgress(60, ImportTexts.Checking));

        var added = new List<OfflineStudyRecord>();
        var unchanged = 0;
        foreach (var row in rows)
        {
            if (!persons.TryGetValue(row.IdNumber, out var personId))
            {
                errors.Add(new ImportError(Sheet, row.Number, OfflineColumns.IdNumber, OfflineTexts.NoSuchPerson(ResidentId.Mask(row.IdNumber), scopeName)));
                continue;
            }
            if (recorded.Contains((personId, row.On, row.Title))) { unchanged++; continue; }
            ImportError.TryRow(errors, Sheet, row.Number, e => ColumnOf(e.Field), () =>
                added.Add(OfflineStudyRecord.Record(personId, row.On, row.Hours, row.Required, row.Title, row.Organizer, importRunId, recordedBy, today, now)));
        }

        if (errors.Count > 0)
            return ImportOutcome.Rejected(ImportError.InSheetOrder(errors, Columns));

        progress?.Report(new ImportProgress(70, ImportTexts.Writing));
        if (added.Count > 0 && !await WriteAsync(added, ct))
            return ImportOutcome.Rejected([ImportError.File(OfflineTexts.ChangedWhileImporting)]);
        progress?.Report(new ImportProgress(100, ImportTexts.Finished));
        return new ImportOutcome([new SheetCounts(Sheet, added.Count, 0, unchanged)], []);
    }

    /// <summary>
    /// The records, then their ledger entries (which name the records' ids), in one transaction; false when
    /// a key was recorded meanwhile (the unique index refused it), nothing written.
    /// </summary>
    private async Task<bool> WriteAsync(List<OfflineStudyRecord> records, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                db.OfflineStudy.AddRange(records);
                await db.SaveChangesAsync(ct);
                db.StudyLedger.AddRange(records.Select(r => r.Credit()));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Every data row checked cell by cell; rows with a bad cell or a key repeated in the file are left out (their errors kept).</summary>
    private static List<HoursRow> ReadRows(WorkbookReader book, DateOnly today, DateTime now, List<ImportError> errors)
    {
        var rows = new List<HoursRow>();
        var firstRowOfKey = new Dictionary<(string, DateOnly, string), int>();
        foreach (var row in book.Rows(Sheet, Columns, errors))
        {
            var before = errors.Count;
            string? idNumber = null;
            if (row.Required(OfflineColumns.IdNumber, errors) is { } idText)
            {
                if (ResidentId.TryParse(idText, today, out var id, out var idError)) idNumber = id.Value;
                else errors.Add(row.Error(OfflineColumns.IdNumber, idError.TrimEnd('。')));
            }
            var on = row.Required(OfflineColumns.Date, errors) is null ? null : row.Date(OfflineColumns.Date, errors);
            var hours = row.Required(OfflineColumns.Hours, errors) is null ? null : Hours(row, errors);
            if (hours is { } h && !ImportError.TryRow(errors, Sheet, row.Number, OfflineColumns.Hours, () => OfflineStudyRecord.CheckHours(h))) hours = null;
            var required = row.Required(OfflineColumns.Category, errors) is null ? null : row.OneOf(OfflineColumns.Category, OfflineColumns.Categories, errors);
            var title = row.Required(OfflineColumns.Title, errors);
            var organizer = row.Required(OfflineColumns.Organizer, errors);
            if (errors.Count > before || idNumber is null || on is null || hours is null || required is null || title is null || organizer is null) continue;

            // The entity's own rules (学时 steps, a day not in the future, lengths), each located in its cell.
            if (!ImportError.TryRow(errors, Sheet, row.Number, e => ColumnOf(e.Field), () =>
                    OfflineStudyRecord.Record(0, on.Value, hours.Value, required.Value, title, organizer, null, "", today, now)))
                continue;
            var key = (idNumber, on.Value, OfflineStudyRecord.KeyTitle(title));
            if (firstRowOfKey.TryGetValue(key, out var first))
            {
                errors.Add(row.Error(OfflineColumns.Title, OfflineTexts.Duplicate(first)));
                continue;
            }
            firstRowOfKey[key] = row.Number;
            rows.Add(new HoursRow(row.Number, idNumber, on.Value, hours.Value, required.Value, key.Item3, OfflineStudyRecord.KeyTitle(organizer)));
        }
        return rows;
    }

    /// <summary>A number cell or text such as "1.5"; adds an error otherwise.</summary>
    private static decimal? Hours(SheetRow row, List<ImportError> errors)
    {
        switch (row[OfflineColumns.Hours])
        {
            case double d when !double.IsNaN(d) && Math.Abs(d) < 1e9:
                return Math.Round((decimal)d, 6);
        }
        var text = row.Text(OfflineColumns.Hours);
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var hours) && Math.Abs(hours) < 1_000_000_000m) return hours;
        errors.Add(row.Error(OfflineColumns.Hours, OfflineTexts.NotANumber(text)));
        return null;
    }

    /// <summary>ID number → person id, for the persons of the listed ID numbers in the scope.</summary>
    private async Task<Dictionary<string, int>> PersonsAsync(List<string> idNumbers, string scopePath, CancellationToken ct)
    {
        var found = new Dictionary<string, int>();
        foreach (var batch in idNumbers.Chunk(LookupBatch))
            foreach (var p in await db.Persons.AsNoTracking()
                         .Where(p => batch.Contains(p.IdNumber) && OrgPaths.IsUnder(p.Village.Path, scopePath))
                         .Select(p => new { p.Id, p.IdNumber }).ToListAsync(ct))
                found[p.IdNumber] = p.Id;
        return found;
    }

    /// <summary>The keys already recorded for these persons.</summary>
    private async Task<HashSet<(int, DateOnly, string)>> RecordedAsync(List<int> personIds, CancellationToken ct)
    {
        var keys = new HashSet<(int, DateOnly, string)>();
        foreach (var batch in personIds.Chunk(LookupBatch))
            foreach (var r in await db.OfflineStudy.AsNoTracking().Where(r => batch.Contains(r.PersonId))
                         .Select(r => new { r.PersonId, r.On, r.Title }).ToListAsync(ct))
                keys.Add((r.PersonId, r.On, r.Title));
        return keys;
    }

    private static string ColumnOf(string? field) => field switch
    {
        nameof(OfflineStudyRecord.Hours) => OfflineColumns.Hours,
        nameof(OfflineStudyRecord.On) => OfflineColumns.Date,
        nameof(OfflineStudyRecord.Title) => OfflineColumns.Title,
        nameof(OfflineStudyRecord.Organizer) => OfflineColumns.Organizer,
        _ => OfflineColumns.IdNumber,
    };
}
