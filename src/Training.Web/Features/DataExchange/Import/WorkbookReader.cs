using System.Globalization;
using ExcelDataReader;

namespace Training.Web.Features.DataExchange.Import;

/// <summary>
/// Reads the sheets of an uploaded xlsx as IMPORT-EXPORT.md describes them: the first row is
/// the header, header cells are matched after trimming spaces, extra columns to the right (or
/// anywhere) are ignored, empty rows are skipped, and every row keeps the number Excel shows.
/// Rows are streamed: a sheet is never held in memory as a whole.
/// </summary>
public sealed class WorkbookReader : IDisposable
{
    private readonly IExcelDataReader _reader;

    // ExcelDataReader asks for code page 1252 even for xlsx; .NET has it only through this provider.
    static WorkbookReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    private WorkbookReader(IExcelDataReader reader, IReadOnlyList<string> sheetNames)
    {
        _reader = reader;
        SheetNames = sheetNames;
    }

    /// <summary>The sheets in workbook order, names trimmed.</summary>
    public IReadOnlyList<string> SheetNames { get; }

    /// <summary>
    /// A seekable copy in memory of an upload the reader cannot seek in (null when it can): the library reads an
    /// xlsx's central directory at its end first. The caller disposes the copy.
    /// </summary>
    public static async Task<MemoryStream?> SeekableCopyAsync(Stream xlsx, CancellationToken ct)
    {
        if (xlsx.CanSeek) return null;
        var copy = new MemoryStream();
        await xlsx.CopyToAsync(copy, ct);
        copy.Position = 0;
        return copy;
    }

    /// <summary>Opens a workbook from a seekable stream; null with a Chinese message when it is no xlsx
    /// or exceeds the limits of <see cref="XlsxGuard"/> (checked before the library reads a byte).</summary>
    public static WorkbookReader? TryOpen(Stream stream, out string? error)
    {
        error = XlsxGuard.Check(stream);
        if (error is not null) return null;
        IExcelDataReader? reader = null;
        try
        {
            reader = ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
            var names = new List<string>();
            do names.Add((reader.Name ?? "").Trim()); while (reader.NextResult());
            reader.Reset();
            return new WorkbookReader(reader, names);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            reader?.Dispose();
            error = ImportTexts.NotAWorkbook;
            return null;
        }
    }

    public bool HasSheet(string name) => SheetNames.Contains(name);

    /// <summary>
    /// The rows of a sheet after its header. A header that lacks one of <paramref name="columns"/>
    /// is reported in <paramref name="errors"/> (row 1) and yields no rows.
    /// </summary>
    public IEnumerable<SheetRow> Rows(string sheet, IReadOnlyList<string> columns, ICollection<ImportError> errors)
    {
        var index = SheetNames.ToList().IndexOf(sheet);
        if (index < 0) yield break;
        _reader.Reset();
        for (var i = 0; i < index; i++) _reader.NextResult();

        var rowNumber = 0;
        Dictionary<string, int>? positions = null;
        while (_reader.Read())
        {
            rowNumber++;
            if (positions is null)
            {
                var header = new Dictionary<string, int>();
                for (var c = 0; c < _reader.FieldCount; c++)
                    if (Convert.ToString(_reader.GetValue(c), CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } name)
                        header.TryAdd(name, c);
                if (header.Count == 0) continue; // blank lines above the header
                var missing = columns.Where(c => !header.ContainsKey(c)).ToList();
                foreach (var column in missing)
                    errors.Add(new ImportError(sheet, rowNumber, column, ImportTexts.MissingColumn(column, columns)));
                if (missing.Count > 0) yield break;
                positions = columns.ToDictionary(c => c, c => header[c]);
                continue;
            }

            var values = new object?[columns.Count];
            var empty = true;
            for (var c = 0; c < columns.Count; c++)
            {
                var at = positions[columns[c]];
                var value = at < _reader.FieldCount ? _reader.GetValue(at) : null;
                if (value is string s && string.IsNullOrWhiteSpace(s)) value = null;
                values[c] = value;
                empty &= value is null;
            }
            if (!empty) yield return new SheetRow(sheet, rowNumber, columns, values);
        }
    }

    /// <summary>
    /// Every row of a sheet as uploaded, header and empty rows included, numbered as Excel shows
    /// them, each cell's value as read (string, double, bool, DateTime or null): for a copy of the
    /// sheet (the error workbook). Nothing when the workbook has no such sheet.
    /// </summary>
    public IEnumerable<(int Row, object?[] Cells)> AllRows(string sheet)
    {
        var index = SheetNames.ToList().IndexOf(sheet);
        if (index < 0) yield break;
        _reader.Reset();
        for (var i = 0; i < index; i++) _reader.NextResult();
        var rowNumber = 0;
        while (_reader.Read())
        {
            rowNumber++;
            var cells = new object?[_reader.FieldCount];
            for (var c = 0; c < cells.Length; c++) cells[c] = _reader.GetValue(c);
            yield return (rowNumber, cells);
        }
    }

    public void Dispose() => _reader.Dispose();
}

/// <summary>
/// One data row: cell values by header (string, double, bool, DateTime or null) and typed
/// readers that add a Chinese error naming the cell when the value cannot be read.
/// </summary>
public sealed class SheetRow(string sheet, int number, IReadOnlyList<string> columns, object?[] values)
{
    public string Sheet { get; } = sheet;
    /// <summary>The row number Excel shows (the header is row 1).</summary>
    public int Number { get; } = number;

    public object? this[string column] => values[IndexOf(column)];

    public ImportError Error(string column, string message) => new(Sheet, Number, column, message);

    /// <summary>The cell as trimmed text (numbers written without exponent or trailing zeros), or null when empty.</summary>
    public string? Text(string column) => this[column] switch
    {
        null => null,
        string s => s.Trim() is { Length: > 0 } t ? t : null,
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture)?.Trim(),
    };

    /// <summary>Required text; adds "不能为空" when the cell is empty.</summary>
    public string? Required(string column, ICollection<ImportError> errors)
    {
        var text = Text(column);
        if (text is null) errors.Add(Error(column, ImportTexts.Required));
        return text;
    }

    /// <summary>An Excel date cell or text yyyy-MM-dd (also yyyy/M/d); null when empty; adds an error when it is no date.</summary>
    public DateOnly? Date(string column, ICollection<ImportError> errors)
    {
        switch (this[column])
        {
            case null: return null;
            case DateTime dt: return DateOnly.FromDateTime(dt);
            case double d when d is >= 1 and < 2958466:
                return DateOnly.FromDateTime(DateTime.FromOADate(d));
        }
        var text = Text(column);
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors.Add(Error(column, ImportTexts.NotADate(text)));
        return null;
    }

    /// <summary>A whole number (numeric cell or digits); null when empty; adds an error otherwise.</summary>
    public int? Integer(string column, ICollection<ImportError> errors)
    {
        switch (this[column])
        {
            case null: return null;
            case double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue: return (int)d;
        }
        var text = Text(column);
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(Error(column, ImportTexts.NotAWholeNumber(text)));
        return null;
    }

    /// <summary>An amount in yuan (at most two decimals) as fen; null when empty; adds an error otherwise.</summary>
    public long? Fen(string column, ICollection<ImportError> errors)
    {
        decimal yuan;
        switch (this[column])
        {
            case null: return null;
            case double d: yuan = (decimal)d; break;
            default:
                if (!decimal.TryParse(Text(column), NumberStyles.Number, CultureInfo.InvariantCulture, out yuan))
                {
                    errors.Add(Error(column, ImportTexts.NotAnAmount(Text(column))));
                    return null;
                }
                break;
        }
        var fen = yuan * 100;
        if (fen != Math.Round(fen) || yuan < 0)
        {
            errors.Add(Error(column, ImportTexts.BadAmount(yuan)));
            return null;
        }
        return (long)fen;
    }

    /// <summary>One of the named values (e.g. 党组织书记); null when empty; adds "应为：…" listing them otherwise.</summary>
    public T? OneOf<T>(string column, IReadOnlyDictionary<string, T> names, ICollection<ImportError> errors) where T : struct
    {
        var text = Text(column);
        if (text is null) return null;
        if (names.TryGetValue(text, out var value)) return value;
        errors.Add(Error(column, ImportTexts.NotOneOf(text, names.Keys)));
        return null;
    }

    private int IndexOf(string column)
    {
        for (var i = 0; i < columns.Count; i++)
            if (columns[i] == column) return i;
        throw new ArgumentException($"No column {column} was asked for in sheet {Sheet}.", nameof(column));
    }
}
