using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Audit;

/// <summary>
/// Daily: deletes the audit entries older than what must be kept (<see cref="AuditOptions.KeepFor"/>, never less than
/// 180 days) and records that it did, how many and up to when, in the trail itself. Idempotent: a second run the same
/// day finds nothing and records nothing.
/// </summary>
public sealed class PurgeAuditJob(TrainingDbContext db, TimeProvider clock, IOptions<AuditOptions> options)
{
    public const string RecurringId = "audit-retention";

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.UtcNow();
        var keep = options.Value.KeepFor;
        var before = now - keep;
        var removed = await db.Audit.Where(a => a.At < before).ExecuteDeleteAsync(ct);
        if (removed == 0) return 0;
        db.Audit.Add(new AuditEntry(AuditTexts.SystemActor, AuditTexts.PurgedAudit, AuditTexts.Purged(removed, ChinaTime.Format(before), (int)keep.TotalDays), now));
        await db.SaveChangesAsync(ct);
        return removed;
    }

    public static void RegisterDaily(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<PurgeAuditJob>(RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Daily(3), new RecurringJobOptions { TimeZone = ChinaTime.Zone });
}
