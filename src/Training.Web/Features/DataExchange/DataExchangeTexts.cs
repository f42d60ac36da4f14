using Training.Core.Domain;

namespace Training.Web.Features.DataExchange;

/// <summary>
/// What the export pages and the export job say, in one place for review. The import's wording
/// stays with its reader and job for now (ImportUpload, ImportJob).
/// </summary>
public static class DataExchangeTexts
{
    /// <summary>What the pages and the file names call each export.</summary>
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

    // 数据导出
    public const string KindRequired = "请选择导出内容。";
    public const string ScopeRequired = "请选择导出范围。";
    public const string Expired = "已过期";
    public const string ExportFailed = "导出时发生错误，请稍后重新导出。如多次失败，请联系系统管理员。";

    // Download
    public const string NothingToDownload = "这次导出没有成功，没有可下载的文件。请重新导出。";
    public const string StillWriting = "文件还在生成中，请稍后在“数据导出”页面下载。";

    public static string FileExpired(double keepHours) => $"该导出文件已过期并已删除（导出文件保留 {Math.Round(keepHours)} 小时）。如仍需要，请重新导出。";
}
