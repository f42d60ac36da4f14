using Training.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using SpreadCheetah;
using SpreadCheetah.Styling;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Statistics.Export;

namespace Training.Web.Features.DataExchange.Exports;

/// <summary>How far a writer is: rows written of the rows counted before it started.</summary>
public readonly record struct ExportProgress(int Rows, int Total)
{
    /// <summary>Progress is reported (one UPDATE of the run) every this many rows.</summary>
    public const int Every = 2000;

    /// <summary>0–99 while writing (100 is for the finished file).</summary>
    public int Percent => Total <= 0 ? 0 : (int)Math.Min(99, Rows * 100L / Total);
}

/// <summary>Called every <see cref="ExportProgress.Every"/> rows (and once at the start).</summary>
public delegate Task ExportProgressCallback(ExportProgress progress, CancellationToken ct);

/// <summary>The unit an export is drawn up for and everything below it.</summary>
public sealed record ExportScope(int Id, string Code, string Name, string Path, OrgLevel Level)
{
    /// <summary>"白云区（440111）"</summary>
    public string Label => CommonTexts.UnitLabel(Name, Code);

    public static Task<ExportScope?> FindAsync(IQueryable<OrgUnit> units, int id, CancellationToken ct) =>
        units.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new ExportScope(u.Id, u.Code, u.Name, u.Path, u.Level))
            .SingleOrDefaultAsync(ct);

    public static async Task<ExportScope> GetAsync(TrainingDbContext db, int id, CancellationToken ct) =>
        await FindAsync(db.OrgUnits, id, ct) ?? throw new InvalidOperationException(DataExchangeTexts.NoSuchUnit(id));
}

/// <summary>
/// One xlsx being written by SpreadCheetah (streaming: a row is encoded and flushed as it comes,
/// nothing of the sheet is kept), with the cell rules of every export of the portal: the statistics
/// report's formats and its formula neutralising (<see cref="StatisticsReport.SafeText"/>), numbers
/// as numeric cells, dates as date cells, money in yuan.
/// </summary>
internal sealed class ExportBook : IAsyncDisposable
{
    private readonly Spreadsheet _book;
    private readonly StyleId _header;
    private readonly StyleId _money;
    private readonly StyleId _date;
    private readonly ExportProgressCallback? _progress;
    private readonly int _total;

    private ExportBook(Spreadsheet book, ExportProgressCallback? progress, int total)
    {
        _book = book;
        _progress = progress;
        _total = total;
        _header = book.AddStyle(new Style { Font = { Bold = true } });
        _money = book.AddStyle(new Style { Format = NumberFormat.Custom(StatisticsReport.MoneyFormat) });
        _date = book.AddStyle(new Style { Format = NumberFormat.Custom(StatisticsReport.DateFormat) });
    }

    public int Rows { get; private set; }

    public static async Task<ExportBook> CreateAsync(Stream output, int total, ExportProgressCallback? progress, CancellationToken ct)
    {
        var book = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions
        {
            DefaultDateTimeFormat = NumberFormat.Custom(StatisticsReport.DateFormat),
        }, ct);
        var export = new ExportBook(book, progress, total);
        if (progress is not null) await progress(new ExportProgress(0, total), ct);
        return export;
    }

    public async Task StartSheetAsync(string name, IReadOnlyList<string> headers, CancellationToken ct)
    {
        await _book.StartWorksheetAsync(name, token: ct);
        await _book.AddHeaderRowAsync(headers.ToArray(), _header, ct);
    }

    public async Task AddRowAsync(Cell[] cells, CancellationToken ct)
    {
        await _book.AddRowAsync(cells, ct);
        if (++Rows % ExportProgress.Every == 0 && _progress is not null)
            await _progress(new ExportProgress(Rows, _total), ct);
    }

    /// <summary>A sheet of text rows, each written as it is read (a list of any length costs one row's memory).</summary>
    public async Task WriteSheetAsync(string name, IReadOnlyList<string> headers, IAsyncEnumerable<string[]> rows, CancellationToken ct)
    {
        await StartSheetAsync(name, headers, ct);
        var cells = new Cell[headers.Count];
        await foreach (var row in rows.WithCancellation(ct))
        {
            for (var i = 0; i < cells.Length; i++) cells[i] = Text(row[i]);
            await AddRowAsync(cells, ct);
        }
    }

    public ValueTask FinishAsync(CancellationToken ct) => _book.FinishAsync(ct);

    public ValueTask DisposeAsync() => _book.DisposeAsync();

    public static Cell Text(string? text) => new(StatisticsReport.SafeText(text));

    public Cell Money(long fen) => new(Core.Domain.Money.ToYuan(fen), _money);

    public Cell Date(DateOnly? date) => date is { } d ? new Cell(d.ToDateTime(TimeOnly.MinValue), _date) : new Cell();

    /// <summary>An ID number as it may leave: whole for an unmasked run, 440103********123X otherwise.</summary>
    public static Cell IdNumber(string idNumber, bool unmasked) => Text(unmasked ? idNumber : ResidentId.Mask(idNumber));

    public static Cell Phone(string? phone, bool unmasked) => Text(unmasked ? phone : Core.Domain.Phone.Mask(phone));
}
