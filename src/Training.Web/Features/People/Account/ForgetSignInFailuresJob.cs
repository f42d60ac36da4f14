using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Core.Data;
using Training.Web.Infrastructure;

namespace Training.Web.Features.People.Account;

/// <summary>
/// Hourly: deletes the failed sign-ins older than a day, and the 密码申请 that ended over a day ago. The gate counts only
/// the last <see cref="SignInGateOptions.Window"/>, a request lives an hour; the rows exist to count and to hand over,
/// not to remember (the audit keeps the record). Idempotent: a second run finds nothing.
/// </summary>
public sealed class ForgetSignInFailuresJob(TrainingDbContext db, TimeProvider clock, IOptions<SignInGateOptions> options)
{
    public const string RecurringId = "sign-in-failures-expiry";

    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var before = clock.UtcNow() - (KeptFor > options.Value.Window ? KeptFor : options.Value.Window);
        var requestsBefore = clock.UtcNow() - KeptFor;
        return await db.SignInFailures.Where(f => f.At < before).ExecuteDeleteAsync(ct)
            + await db.PasswordRequests.Where(r => r.ExpiresAt < requestsBefore).ExecuteDeleteAsync(ct);
    }

    public static void RegisterHourly(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<ForgetSignInFailuresJob>(RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
}
