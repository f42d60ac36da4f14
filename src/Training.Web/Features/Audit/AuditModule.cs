using Hangfire;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Audit;

/// <summary>
/// The audit trail as a subject of its own (issue 16 §5): how long it is kept and the job that keeps it so. Entries are
/// written where things happen (every module adds its own; <c>AuditSources</c> and <c>AuditWriter</c> in
/// Infrastructure give them their address and batch the views); reading and exporting them is the auditor's, to come.
/// </summary>
public sealed class AuditModule : TrainingModule
{
    public override string Folder => "Audit";

    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);

    public override void AddRecurringJobs(IRecurringJobManager jobs) => PurgeAuditJob.RegisterDaily(jobs);
}
