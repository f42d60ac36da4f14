using Hangfire;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Audit;

/// <summary>
/// Daily, and when the auditor asks (/Audit/Chain): seals what is new, walks the whole chain and writes the result into
/// the trail — done when intact, refused with the first problem otherwise — where the auditor's page and search find it.
/// </summary>
public sealed class VerifyAuditJob(TrainingDbContext db, AuditChain chain, TimeProvider clock, ILogger<VerifyAuditJob> log)
{
    public const string RecurringId = "audit-verify";

    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public async Task<AuditChain.Report> RunAsync(string actor, CancellationToken ct)
    {
        await chain.SealAsync(ct);
        var report = await chain.VerifyAsync(ct);
        if (!report.Intact) log.LogError("Audit chain verification failed: {Problem}", report.Problem);
        db.Audit.Add(new AuditEntry(actor, AuditTexts.ChainVerifiedAudit, report.Problem ?? AuditTexts.ChainVerified(report.Checked, report.Unsealed),
            clock.UtcNow(), report.Intact ? AuditOutcome.Done : AuditOutcome.Refused));
        await db.SaveChangesAsync(ct);
        return report;
    }

    public static void RegisterDaily(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<VerifyAuditJob>(RecurringId, j => j.RunAsync(AuditTexts.SystemActor, CancellationToken.None), Cron.Daily(4), new RecurringJobOptions { TimeZone = ChinaTime.Zone });
}
