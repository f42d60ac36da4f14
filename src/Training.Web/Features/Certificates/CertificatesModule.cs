using System.Threading.RateLimiting;
using Hangfire;
using Microsoft.AspNetCore.RateLimiting;
using Training.Web.Features.Certificates.Issuing;
using Training.Web.Infrastructure.Modules;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Certificates;

/// <summary>
/// 结业证书 (LEARNING.md §6): issued to a class's graduates by the unit running it (Class/, at
/// /Certificates/Class/{id}), by the participant downloading its own (Mine/), and by a daily job
/// (Issuing/); the A4 PDF (Pdf/); the public, rate-limited verification page the QR code opens
/// (Verify/, at /Verify/{code}).
/// </summary>
public sealed class CertificatesModule : TrainingModule
{
    /// <summary>The rate limit of the public verification page, per client address.</summary>
    public const string VerifyPolicy = "certificates-verify";
    public const int DefaultVerifyPerMinute = 30;

    public override string Folder => "Certificates";

    public override IReadOnlyList<PageFolder> Pages => [new("", "/Certificates"), new("Verify", "/Verify")];

    public override IReadOnlyList<Permission> Permissions => CertificatesPermissions.All;

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IssueCertificatesJob>();
        services.AddScoped<CertificateLinks>();
        var perMinute = configuration.GetValue("Certificates:VerifyPerMinute", DefaultVerifyPerMinute);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                return ValueTask.CompletedTask;
            };
            // Behind the proxies the forwarded-headers middleware trusts, the address is the client's.
            o.AddPolicy(VerifyPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    public override void AddRecurringJobs(IRecurringJobManager jobs) => IssueCertificatesJob.RegisterDaily(jobs);
}
