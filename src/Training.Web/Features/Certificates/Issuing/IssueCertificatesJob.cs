using Hangfire;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Certificates.Issuing;

/// <summary>
/// Every day, the graduates of recent classes who have no certificate yet get one (a participant may
/// graduate after the last session: an offline hour imported late, an attendance taken late). Per class,
/// by id; running twice issues nothing twice (<see cref="CertificateIssuer"/> gives the one already issued).
/// </summary>
public sealed class IssueCertificatesJob(TrainingDbContext db, TimeProvider clock, ILogger<IssueCertificatesJob> log)
{
    public const string RecurringId = "certificates-daily";
    /// <summary>02:30 Guangzhou time, after the statistics (01:00).</summary>
    public const string DailyCron = "30 2 * * *";
    /// <summary>How long after its end a class is still looked at.</summary>
    public const int DaysAfterEnd = 90;

    public static void RegisterDaily(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<IssueCertificatesJob>(RecurringId, j => j.RunForTodayAsync(CancellationToken.None), DailyCron,
            new RecurringJobOptions { TimeZone = ChinaTime.Zone });

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunForTodayAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var since = today.AddDays(-DaysAfterEnd);
        var classIds = await db.TrainingClasses.AsNoTracking().Where(c => c.StartOn <= today && c.EndOn >= since)
            .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var issued = 0;
        foreach (var id in classIds) issued += await RunForClassAsync(id, ct);
        log.LogInformation("Certificates: {Issued} issued for {Classes} classes", issued, classIds.Count);
    }

    /// <summary>One class: every graduate without a certificate gets one; the number issued.</summary>
    [AutomaticRetry(Attempts = 2)]
    public async Task<int> RunForClassAsync(int classId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await CertificateIssuer.IssueAllAsync(db, classId, CertificatesTexts.IssuedBySystem, clock.Today(), clock.UtcNow(), ct);
    }
}
