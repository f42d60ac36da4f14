using System.Drawing;
using SpreadCheetah;
using SpreadCheetah.Styling;
using Training.Web.Features.Statistics.Export;

namespace Training.Web.Features.DataExchange.Import;

/// <summary>
/// The xlsx a rejected import offers for download: sheet 错误清单 (工作表, 行号, 列, 错误说明),
/// then a copy of every uploaded sheet with errors, every cell as uploaded and on the bad rows
/// the errors in an extra column 错误说明 at the right. Row numbers are those of the upload, so
/// the user can fix the copy and upload it again (extra columns to the right are ignored).
/// Text that a spreadsheet could take for a formula is neutralised as in every export.
/// </summary>
public static partial class ErrorWorkbook
{
    /// <summary>"错误清单_花名册.xlsx" for an upload named 花名册.xlsx.</summary>
    public static string FileName(string uploadedName)
    {
        var stem = Path.GetFileNameWithoutExtension(uploadedName);
        return $"{ErrorsSheet}_{(stem.Length > 0 ? stem : UnnamedStem)}.xlsx";
    }

    public static async Task WriteAsync(Stream output, byte[] uploaded, IReadOnlyList<ImportError> errors, CancellationToken ct = default)
    {
        await using var book = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions
        {
            DefaultDateTimeFormat = NumberFormat.Custom(StatisticsReport.DateFormat),
        }, ct);
        var header = book.AddStyle(new Style { Font = { Bold = true } });
        var bad = book.AddStyle(new Style { Font = { Color = Color.FromArgb(0xB0, 0x1E, 0x1E) } });

        await book.StartWorksheetAsync(ErrorsSheet, token: ct);
        await book.AddHeaderRowAsync(ErrorsHeaders, header, ct);
        foreach (var e in errors)
            await book.AddRowAsync([Text(e.Sheet), e.Row > 0 ? new Cell(e.Row) : new Cell(), Text(e.Column), Text(e.Message)], ct);

        var byRow = errors.Where(e => e.Row > 1 && e.Sheet.Length > 0)
            .GroupBy(e => (e.Sheet, e.Row))
            .ToDictionary(g => g.Key, g => string.Join(MessageSeparator, g.Select(e => e.Column.Length > 0 ? ColumnMessage(e.Column, e.Message) : e.Message)));
        var sheetsWithErrors = errors.Where(e => e.Row > 0).Select(e => e.Sheet).ToHashSet();

        using (var stream = new MemoryStream(uploaded, writable: false))
        using (var workbook = WorkbookReader.TryOpen(stream, out _))
        {
            if (workbook is not null)
            {
                foreach (var sheet in workbook.SheetNames.Where(s => sheetsWithErrors.Contains(s) && s != ErrorsSheet).Distinct())
                    await CopySheetAsync(book, workbook, sheet, byRow, header, bad, ct);
            }
        }
        await book.FinishAsync(ct);
    }

    private static async Task CopySheetAsync(Spreadsheet book, WorkbookReader workbook, string sheet,
        IReadOnlyDictionary<(string, int), string> byRow, StyleId header, StyleId bad, CancellationToken ct)
    {
        await book.StartWorksheetAsync(sheet, token: ct);
        int? errorAt = null;
        foreach (var (row, values) in workbook.AllRows(sheet))
        {
            if (errorAt is null && values.Any(v => v is not null and not ""))
            {
                // The header: a copy uploaded again already has 错误说明 on the right; its old messages are replaced.
                var existing = Array.FindLastIndex(values, v => v is string s && s.Trim() == ErrorColumn);
                errorAt = existing >= 0 ? existing : LastUsed(values) + 1;
                var headerCells = Cells(values, errorAt.Value);
                headerCells[errorAt.Value] = new Cell(ErrorColumn, header);
                await book.AddRowAsync(headerCells, ct);
                continue;
            }
            var message = byRow.GetValueOrDefault((sheet, row));
            var cells = Cells(values, errorAt is { } at && (message is not null || at < values.Length) ? at : -1);
            if (message is not null) cells[errorAt!.Value] = new Cell(message, bad);
            await book.AddRowAsync(cells, ct);
        }
    }

    /// <summary>The row's cells as uploaded, long enough to hold column <paramref name="errorAt"/> (which is left empty).</summary>
    private static Cell[] Cells(object?[] values, int errorAt)
    {
        var cells = new Cell[Math.Max(errorAt >= 0 ? errorAt + 1 : 0, LastUsed(values) + 1)];
        for (var c = 0; c < cells.Length; c++)
            cells[c] = c == errorAt || c >= values.Length ? new Cell() : Value(values[c]);
        return cells;
    }

    private static int LastUsed(object?[] values) => Array.FindLastIndex(values, v => v is not null and not "");

    private static Cell Value(object? value) => value switch
    {
        null => new Cell(),
        string s => Text(s),
        double d => new Cell(d),
        bool b => new Cell(b),
        DateTime dt => new Cell(dt),
        var other => Text(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static Cell Text(string? text) => new(StatisticsReport.SafeText(text));
}
