using Training.Core.Domain;

namespace Training.Web.Features.DataExchange;

/// <summary>
/// What the data exchange module's menu, permissions, export pages and export jobs say, in one
/// place for review; the imports' wording is in <see cref="Import.ImportTexts"/>.
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

    // Menu, permissions, verbs
    public const string MenuExport = "数据导出", MenuImport = "数据导入";
    public const string ExportPermission = "数据导出（报名名单、人员花名册）", ImportRosterPermission = "导入花名册", ImportRunsPermission = "查看自己单位的导入结果";
    public const string ImportVerbHelp = "import 文件.xlsx  导入花名册（组织、人员、职务、学历教育、后备、关键岗位；有错误则不导入，错误逐行输出）";

    // 数据导出
    public const string ExportAudit = "数据导出";
    public const string ExportDownloadedAudit = "下载导出文件", ErrorWorkbookDownloadedAudit = "下载导入错误表";
    public static string DownloadDetail(int runId, string fileName) => $"#{runId}：{fileName}";
    public static string ExportRequested(string kind, string scope, bool unmasked) =>
        $"{kind}，{scope}，{(unmasked ? "含完整身份证号和手机号" : "身份证号和手机号已脱敏")}";
    public static string NoSuchUnit(int id) => $"组织 {id} 不存在。";
    public const string ExportedLog = "导出 {RunId} 已完成：{Rows} 行";
    public const string ExportFailedLog = "导出 {RunId} 失败";
    public const string ExpiredLog = "已删除过期导出文件 {Expired} 个、无主文件 {Orphans} 个";
    public const string NotDeletedLog = "无法删除导出文件 {File}";
    public const string KindRequired = "请选择导出内容。";
    public const string ScopeRequired = "请选择导出范围。";
    public const string Expired = "已过期";
    public const string ExportFailed = "导出时发生错误，请稍后重新导出。如多次失败，请联系系统管理员。";

    // Download
    public const string NothingToDownload = "这次导出没有成功，没有可下载的文件。请重新导出。";
    public const string StillWriting = "文件还在生成中，请稍后在“数据导出”页面下载。";

    public static string FileExpired(double keepHours) => $"该导出文件已过期并已删除（导出文件保留 {Math.Round(keepHours)} 小时）。如仍需要，请重新导出。";
}
