using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Features.DataExchange.Import.Roster.Sheets;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.DataExchange.Import.Roster;

/// <summary>
/// Roster import (IMPORT-EXPORT.md): the sheets of <see cref="RosterSheets.InOrder"/>, upserted
/// by their keys, all or nothing.
/// <para>
/// Three stages over one class per sheet (<see cref="RosterSheet"/>, in Sheets/). 读取: every
/// sheet present is read once into typed rows, each cell checked on its own. 校验: the rows the
/// file's keys refer to are loaded (<see cref="RosterRun.LoadAsync"/>: chunked IN queries, the
/// small catalog tables whole) and every row is applied in memory through the entity verbs, sheet
/// by sheet in the contractual order, so that a row may use what an earlier row or sheet created;
/// whatever is wrong is collected as an error naming sheet, row and column. 写入: only when no
/// row is bad, the new and changed rows are written by <see cref="RosterWritePlan"/> through the
/// <see cref="BulkWriter"/> (not EF's tracked inserts: 55,000 rows) in one transaction; otherwise
/// nothing is written. The tracker is cleared either way. Progress is reported only outside that transaction.
/// </para>
/// </summary>
public sealed class RosterImport(TrainingDbContext db, TimeProvider clock)
{
    /// <summary>Who the import's enrollment transitions name.</summary>
    public const string Actor = ImportTexts.RosterActor;

    private readonly TrainingDbContext _db = db;
    private readonly TimeProvider _clock = clock;

    /// <summary>
    /// Validates every sheet of the workbook and, when no row is bad, writes them all in one
    /// transaction. Progress is reported only outside that transaction.
    /// </summary>
    public async Task<ImportOutcome> RunAsync(Stream xlsx, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        progress?.Report(new ImportProgress(0, ImportTexts.Reading));
        var today = _clock.Today();
        var now = _clock.UtcNow();

        var errors = new List<ImportError>();
        var run = new RosterRun(_db, today, now, errors);
        List<RosterSheet>? sheets;
        var stream = xlsx;
        if (!xlsx.CanSeek)
        {
            stream = new MemoryStream();
            await xlsx.CopyToAsync(stream, ct);
            stream.Position = 0;
        }
        try
        {
            sheets = Read(stream, run, progress, ct);
        }
        finally
        {
            if (!ReferenceEquals(stream, xlsx)) await stream.DisposeAsync();
        }
        if (sheets is null) return ImportOutcome.Rejected(errors);

        progress?.Report(new ImportProgress(45, ImportTexts.Checking));
        var autoDetect = _db.ChangeTracker.AutoDetectChangesEnabled;
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await run.LoadAsync(sheets, ct);
            progress?.Report(new ImportProgress(60, ImportTexts.Checking));
            var counts = sheets.Select(s => s.Check(run)).ToList();
            if (errors.Count > 0)
            {
                _db.ChangeTracker.Clear();
                return ImportOutcome.Rejected(Ordered(errors));
            }

            progress?.Report(new ImportProgress(90, ImportTexts.Writing));
            try
            {
                var plan = run.Plan();
                // SQL Server retries failed connections: the whole transaction is what is retried
                // (every insert sets its row's id again, so a second attempt writes the same rows).
                await _db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
                {
                    await using var tx = await _db.Database.BeginTransactionAsync(token);
                    await using (var writer = new BulkWriter(_db, tx.GetDbTransaction()))
                        await plan.WriteAsync(writer, token);
                    await tx.CommitAsync(token);
                }, ct);
            }
            finally
            {
                _db.ChangeTracker.Clear();
            }
            progress?.Report(new ImportProgress(100, ImportTexts.Finished));
            return new ImportOutcome(counts, []);
        }
        finally
        {
            _db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Errors in sheet order, then row, then column order of the sheet.</summary>
    private static List<ImportError> Ordered(List<ImportError> errors) =>
        [.. errors
            .Select((e, i) => (e, i))
            .OrderBy(x => x.e.Row == 0 ? -1 : IndexOfSheet(x.e.Sheet))
            .ThenBy(x => x.e.Row)
            .ThenBy(x => x.e.Sheet.Length == 0 ? 0 : Math.Max(0, IndexOfColumn(x.e.Sheet, x.e.Column)))
            .ThenBy(x => x.i)
            .Select(x => x.e)];

    private static int IndexOfSheet(string sheet)
    {
        for (var i = 0; i < RosterSheets.InOrder.Count; i++)
            if (RosterSheets.InOrder[i] == sheet) return i;
        return int.MaxValue;
    }

    private static int IndexOfColumn(string sheet, string column) =>
        IndexOfSheet(sheet) == int.MaxValue ? 0 : RosterSheets.ColumnsOf(sheet).ToList().IndexOf(column);

    // ---- 读取 --------------------------------------------------------------------------------

    /// <summary>Every sheet present read into its <see cref="RosterSheet"/>, in the contractual order; null when the file is no workbook.</summary>
    private static List<RosterSheet>? Read(Stream stream, RosterRun run, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var book = WorkbookReader.TryOpen(stream, out var fileError);
        if (book is null)
        {
            run.Errors.Add(ImportError.File(fileError ?? ImportTexts.NotAWorkbookShort));
            return null;
        }
        var present = Sheets().Where(s => book.HasSheet(s.Name)).ToList();
        if (present.Count == 0)
        {
            run.Errors.Add(ImportError.File(ImportTexts.NoKnownSheet(RosterSheets.InOrder)));
            return null;
        }
        try
        {
            for (var i = 0; i < present.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                present[i].Read(book.Rows(present[i].Name, RosterSheets.ColumnsOf(present[i].Name), run.Errors), run);
                progress?.Report(new ImportProgress(5 + 40 * (i + 1) / present.Count, ImportTexts.Reading));
            }
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException or NullReferenceException or ArgumentException))
        {
            run.Errors.Add(ImportError.File(ImportTexts.Damaged));
            return null;
        }
        return present;
    }

    /// <summary>One class per sheet, in the order of <see cref="RosterSheets.InOrder"/>: a row may use what an earlier sheet created.</summary>
    private static RosterSheet[] Sheets() =>
        [new OrgSheet(), new PersonsSheet(), new PostsSheet(), new EnrollmentsSheet(), new ReservesSheet(), new KeyPostsSheet()];
}
