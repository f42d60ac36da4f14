using Training.Core.Domain;

namespace Training.Web.Features.DataExchange.Exports;

/// <summary>The exports the page offers, and their file names (what each is called: <see cref="DataExchangeTexts.Name"/>).</summary>
public static class ExportKinds
{
    public static readonly IReadOnlyList<ExportKind> All = [ExportKind.Enrollments, ExportKind.Roster];

    /// <summary>报名名单_440111_20261125.xlsx</summary>
    public static string FileName(ExportKind kind, string scopeCode, DateOnly day) => $"{kind.Name()}_{scopeCode}_{day:yyyyMMdd}.xlsx";
}
