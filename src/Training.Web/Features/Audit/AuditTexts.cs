using Training.Core.Domain;

namespace Training.Web.Features.Audit;

/// <summary>What the audit module writes into the trail.</summary>
public static class AuditTexts
{
    public const string SystemActor = "系统任务";
    public const string PurgedAudit = "清理审计记录";

    public const string ReadPermission = "查阅和导出审计记录";
    public const string Menu = "审计记录";
    public const string NoFilter = "全部";
    public const string ExportSheet = "审计记录";
    public const string ExportedAudit = "导出审计记录";
    public const string FilterSeparator = "，";

    public static readonly IReadOnlyList<string> ExportHeaders = ["时间", "用户名", "操作", "内容", "结果", "来源地址"];

    public static string OutcomeName(AuditOutcome outcome) => outcome == AuditOutcome.Refused ? "被拒绝" : "成功";
    public static string ExportedDetail(int rows, string filter) => $"{rows:N0} 条（条件：{filter}）";
    public static string ExportFileName(DateOnly day) => $"审计记录_{day:yyyyMMdd}.xlsx";
    public static string TooManyToExport(int rows, int max) => $"符合条件的记录有 {rows:N0} 条，超过一次导出的上限 {max:N0} 条，请缩小日期范围后再导出。";

    public static string Purged(int count, string before, int days) => $"删除 {count:N0} 条 {before} 之前的审计记录（保留 {days} 天）";
}
