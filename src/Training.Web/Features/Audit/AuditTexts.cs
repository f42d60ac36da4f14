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

    public const string SealKeyTooShort = "Audit:SealKey 至少应为 32 字节（base64）。";
    public const string ChainVerifiedAudit = "校验审计链";
    public const string ChainMenu = "审计链校验";

    /// <summary>Where the chain starts after a purge, in its record; <see cref="ChainStartsAtPattern"/> reads it back.</summary>
    public static string ChainStartsAt(long index) => $"审计链自第 {index:D} 条起";
    public const string ChainStartsAtPattern = @"审计链自第 (\d+) 条起";
    public static string ChainGap(long expected, long found) => $"审计链在第 {expected:D} 条处中断：下一条是第 {found:D} 条，其间的记录被删除。";
    public static string ChainBroken(long index) => $"审计链第 {index:D} 条与前一条接不上：记录被删除、替换或调换了顺序。";
    public static string ChainEdited(long index, long id) => $"审计链第 {index:D} 条（记录号 {id:D}）的内容与封签不符：记录被修改过。";
    public static string ChainHeadMissing(long first) => $"审计链从第 {first:D} 条开始，但没有清理记录说明前面的记录为何不在：记录被删除。";
    public static string ChainTailMissing(long recorded, long found) => $"审计链曾封签到第 {recorded:D} 条，现在只到第 {found:D} 条：最近的记录被删除。";
    public static string ChainVerified(long count, long unsealed) => $"审计链完整：已校验 {count:N0} 条，另有 {unsealed:N0} 条待封签。";

    public static string Purged(int count, string before, int days, long chainStart) =>
        $"删除 {count:N0} 条 {before} 之前的审计记录（保留 {days} 天），{ChainStartsAt(chainStart)}";
}
