namespace Training.Web.Features.DataExchange.Import;

/// <summary>The error workbook's layout: its first sheet, the headers, the extra column on the copies, how a cell names a column.</summary>
public static partial class ErrorWorkbook
{
    public const string ErrorsSheet = "错误清单";
    public const string ErrorColumn = "错误说明";
    public static readonly string[] ErrorsHeaders = ["工作表", "行号", "列", ErrorColumn];
    private const string UnnamedStem = "导入";
    private const string MessageSeparator = "；";

    private static string ColumnMessage(string column, string message) => $"{column}：{message}";
}
