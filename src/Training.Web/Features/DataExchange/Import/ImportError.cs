using Training.Core.Domain;

namespace Training.Web.Features.DataExchange.Import;

/// <summary>
/// One thing wrong with an uploaded spreadsheet: where (sheet, Excel row number as the user
/// sees it, column header) and what, in Chinese. Row 0 and an empty column mean the whole file
/// (not an xlsx, too large); row 1 is the header row (a missing column).
/// </summary>
public sealed record ImportError(string Sheet, int Row, string Column, string Message)
{
    public static ImportError File(string message) => new("", 0, "", message);

    /// <summary>
    /// Runs an entity's verb for one row; a broken rule becomes that row's error in the given column
    /// (the one place an import turns a <see cref="DomainException"/> into a message) and false, so
    /// the file is checked to its end and every error is reported at once.
    /// </summary>
    public static bool TryRow(ICollection<ImportError> errors, string sheet, int row, string column, Action verb) =>
        TryRow(errors, sheet, row, _ => column, verb);

    /// <summary>
    /// As above, where one verb checks several cells: <paramref name="columnOf"/> names the column
    /// from the broken rule (its <see cref="DomainException.Field"/> and message).
    /// </summary>
    public static bool TryRow(ICollection<ImportError> errors, string sheet, int row, Func<DomainException, string> columnOf, Action verb)
    {
        try
        {
            verb();
            return true;
        }
        catch (DomainException e)
        {
            errors.Add(new(sheet, row, columnOf(e), e.Message.TrimEnd('。')));
            return false;
        }
    }

    /// <summary>"职务 第12行 任职日期：……" — one line of the command line's error output.</summary>
    public override string ToString() =>
        Row == 0 ? Message : ImportTexts.ErrorLine(Sheet, Row, Column, Message);

    /// <summary>The errors as the person fixing the file reads it: by row, then by the column's place in the sheet.</summary>
    public static List<ImportError> InSheetOrder(IEnumerable<ImportError> errors, IReadOnlyList<string> columns) =>
        errors.OrderBy(e => e.Row).ThenBy(e => IndexOf(columns, e.Column)).ToList();

    private static int IndexOf(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
            if (columns[i] == column) return i;
        return -1;
    }
}
