namespace Training.Web.Features.Audit;

/// <summary>What the audit module writes into the trail.</summary>
public static class AuditTexts
{
    public const string SystemActor = "系统任务";
    public const string PurgedAudit = "清理审计记录";

    public static string Purged(int count, string before, int days) => $"删除 {count:N0} 条 {before} 之前的审计记录（保留 {days} 天）";
}
