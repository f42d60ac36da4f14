using Hangfire;
using Training.Web.Features.Audit.Home;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Audit;

/// <summary>
/// The audit trail as a subject of its own (issue 16 §5): how long it is kept and the job that keeps it so. Entries are
/// written where things happen (every module adds its own; <c>AuditSources</c> and <c>AuditWriter</c> in
/// Infrastructure give them their address and batch the views); the security auditor searches and exports them (/Audit).
/// </summary>
public sealed class AuditModule : TrainingModule
{
    public override string Folder => "Audit";

    public override IReadOnlyList<PageFolder> Pages => [new("", "/Audit")];

    public override IReadOnlyList<Permission> Permissions => AuditPermissions.All;

    public override IReadOnlyList<HomeCard> HomeCards => [new(typeof(AuditCard), AuditPermissions.Read, 10)];

    public override IReadOnlyList<MenuEntry> Menu =>
    [
        new(AuditTexts.Menu, "/Audit/Index", AuditPermissions.Read, 90, Primary: true),
        new(AuditTexts.ChainMenu, "/Audit/Chain", AuditPermissions.Read, 91, Primary: true),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddSingleton<AuditSealKey>();
        services.AddScoped<AuditChain>();
        services.AddScoped<SealAuditJob>();
        services.AddScoped<VerifyAuditJob>();
        services.AddScoped<PurgeAuditJob>();
    }

    public override void AddRecurringJobs(IRecurringJobManager jobs)
    {
        SealAuditJob.RegisterEveryMinute(jobs);
        VerifyAuditJob.RegisterDaily(jobs);
        PurgeAuditJob.RegisterDaily(jobs);
    }
}
