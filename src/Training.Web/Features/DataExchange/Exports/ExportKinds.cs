using Training.Core.Domain;

namespace Training.Web.Features.DataExchange.Exports;

/// <summary>What the pages and the file names call each export.</summary>
public static class ExportKinds
{
    public static readonly IReadOnlyList<ExportKind> All = [ExportKind.Enrollments, ExportKind.Roster];

    public static string Name(this ExportKind kind) => kind switch
    {
        ExportKind.Enrollments => "报名名单",
        ExportKind.Roster => "人员花名册",
        _ => kind.ToString(),
    };

    public static string Description(this ExportKind kind) => kind switch
    {
        ExportKind.Enrollments => "范围内已提交的全部报名及其当前状态、学费分担",
        ExportKind.Roster => "组织、人员、职务、学历教育、后备、关键岗位六张表，格式与花名册导入相同",
        _ => "",
    };

    /// <summary>报名名单_440111_20261125.xlsx</summary>
    public static string FileName(ExportKind kind, string scopeCode, DateOnly day) => $"{kind.Name()}_{scopeCode}_{day:yyyyMMdd}.xlsx";
}
