using Hangfire;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Audit;

/// <summary>Every minute: puts the new audit entries into the sealed chain (<see cref="AuditChain.SealAsync"/>). Idempotent: sealed entries are never sealed again.</summary>
public sealed class SealAuditJob(AuditChain chain)
{
    public const string RecurringId = "audit-seal";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task<int> RunAsync(CancellationToken ct) => chain.SealAsync(ct);

    public static void RegisterEveryMinute(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<SealAuditJob>(RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions { TimeZone = ChinaTime.Zone });
}
