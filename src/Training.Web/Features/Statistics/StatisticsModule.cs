using Hangfire;
using Training.Web.Features.Statistics.Export;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Statistics;

/// <summary>
/// The figures of PRODUCT.md §8: computed set-based (<see cref="StatisticsService"/>), kept as
/// daily snapshots by <see cref="ComputeSnapshotJob"/> (nightly and on demand), shown at
/// /Statistics with the persons behind each number, and exported as the report workbook
/// (Export/, and the <c>export-stats</c> verb).
/// </summary>
public sealed class StatisticsModule : TrainingModule
{
    public override string Folder => "Statistics";

    public override IReadOnlyList<PageFolder> Pages => [new("", "/Statistics")];

    public override IReadOnlyList<Permission> Permissions => StatisticsPermissions.All;

    public override IReadOnlyList<MenuEntry> Menu =>
    [
        new(StatisticsTexts.MenuStatistics, "/Statistics/Index", StatisticsPermissions.View, 15, Primary: true),
        new(StatisticsTexts.MenuReport, "/Statistics/Export/Index", StatisticsPermissions.Report, 70),
    ];

    public override IReadOnlyList<Verb> Verbs =>
    [
        new("export-stats", StatisticsTexts.VerbHelp,
            ExportStatsVerb.RunAsync),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<StatisticsReport>();
        services.AddScoped<StatisticsService>();
        services.AddScoped<ComputeSnapshotJob>();
    }

    public override void AddRecurringJobs(IRecurringJobManager jobs) => ComputeSnapshotJob.RegisterNightly(jobs);
}
