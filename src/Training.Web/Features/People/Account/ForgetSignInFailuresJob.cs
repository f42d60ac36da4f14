using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Core.Data;
using Training.Web.Infrastructure;

namespace Training.Web.Features.People.Account;

/// <summary>
/// Hourly: deletes the failed sign-ins older than a day. The gate counts only the last <see cref="SignInGateOptions.Window"/>;
/// the rows exist to count, not to remember (the audit keeps the record). Idempotent: a second run finds nothing.
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
        return await db.SignInFailures.Where(f => f.At < before).ExecuteDeleteAsync(ct);
    }

    public static void RegisterHourly(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<ForgetSignInFailuresJob>(RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
}
