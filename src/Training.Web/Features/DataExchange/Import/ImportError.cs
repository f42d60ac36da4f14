namespace Training.Web.Features.DataExchange.Import;

/// <summary>
/// One thing wrong with an uploaded spreadsheet: where (sheet, Excel row number as the user
/// sees it, column header) and what, in Chinese. Row 0 and an empty column mean the whole file
/// (not an xlsx, too large); row 1 is the header row (a missing column).
/// </summary>
public sealed record ImportError(string Sheet, int Row, string Column, string Message)
{
    public static ImportError File(string message) => new("", 0, "", message);

    /// <summary>"职务 第12行 任职日期：……" — one line of the command line's error output.</summary>
    public override string ToString() =>
        Row == 0 ? Message : $"{Sheet} 第{Row}行{(Column.Length > 0 ? " " + Column : "")}：{Message}";
}
