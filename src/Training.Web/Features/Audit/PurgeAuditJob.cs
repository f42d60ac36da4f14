using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Audit;

/// <summary>
/// Daily: deletes the audit entries older than what must be kept (<see cref="AuditOptions.KeepFor"/>, never less than
/// 180 days) and records that it did, how many, up to when and where the chain now starts, in the trail itself. It
/// seals first and deletes the chain's oldest places only, up to the first entry still to be kept, so that what
/// remains is one unbroken chain (<see cref="AuditChain"/>). Idempotent: a second run the same day finds nothing and
/// records nothing.
/// </summary>
public sealed class PurgeAuditJob(TrainingDbContext db, AuditChain chain, TimeProvider clock, IOptions<AuditOptions> options)
{
    public const string RecurringId = "audit-retention";

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.UtcNow();
        var keep = options.Value.KeepFor;
        var before = now - keep;
        await chain.SealAsync(ct);
        var firstKept = await db.Audit.Where(a => a.ChainIndex != null && a.At >= before).MinAsync(a => a.ChainIndex, ct)
            ?? await db.Audit.MaxAsync(a => a.ChainIndex, ct) + 1 ?? 1;
        var removed = db.Database.IsSqlServer()
            ? await db.Database.ExecuteSqlAsync(SqlServerPurge(firstKept), ct)
            : await db.Audit.Where(a => a.ChainIndex < firstKept).ExecuteDeleteAsync(ct);
        if (removed == 0) return 0;
        db.Audit.Add(new AuditEntry(AuditTexts.SystemActor, AuditTexts.PurgedAudit, AuditTexts.Purged(removed, ChinaTime.Format(before), (int)keep.TotalDays, firstKept), now));
        await db.SaveChangesAsync(ct);
        return removed;
    }

    /// <summary>
    /// On SQL Server the application's login may not delete audit entries (<see cref="SqlServerRights"/>): the
    /// procedure, made by a migration and run with its owner's rights, deletes the chain's head up to
    /// <paramref name="firstKept"/> but nothing younger than 180 days, whatever it is asked; its row count comes back.
    /// </summary>
    public static FormattableString SqlServerPurge(long firstKept) => $"EXEC [dbo].[PurgeAudit] @FirstKept = {firstKept}";

    public static void RegisterDaily(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<PurgeAuditJob>(RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Daily(3), new RecurringJobOptions { TimeZone = ChinaTime.Zone });
}
