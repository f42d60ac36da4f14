using Training.Web.Features.Accounts;
using Training.Web.Features.Degree;
using Training.Web.Features.Demo;
using Training.Web.Features.Exports;
using Training.Web.Features.Import;
using Training.Web.Features.Import.Graduation;
using Training.Web.Features.Import.Roster;
using Training.Web.Features.Reserves;
using Training.Web.Features.Reviews;
using Training.Web.Features.Statistics;
using Training.Web.Features.Statistics.Export;

namespace Training.Web.Infrastructure;

/// <summary>Services the features own, registered in one place.</summary>
public static class FeaturesSetup
{
    public static WebApplicationBuilder AddTrainingFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<AdminBootstrap>();
        builder.Services.AddScoped<AccountRules>();
        builder.Services.AddScoped<EligibilityQuery>();
        builder.Services.AddScoped<QuotaQuery>();
        builder.Services.AddScoped<INotificationSender, InAppNotifications>();
        builder.Services.AddScoped<ReviewWorkflow>();
        builder.Services.AddScoped<ReserveWorkflow>();
        builder.Services.AddScoped<StatisticsReport>();
        builder.Services.AddScoped<StatisticsService>();
        builder.Services.AddScoped<ComputeSnapshotJob>();
        builder.Services.AddSingleton<ExportStorage>();
        builder.Services.AddScoped<ExportJob>();
        builder.Services.AddScoped<ExpireExportsJob>();
        builder.Services.AddScoped<RosterImport>();
        builder.Services.AddScoped<GraduationImport>();
        builder.Services.AddScoped<ImportJob>();
        builder.Services.AddScoped<Training.Web.Features.Reserves.Coverage.CoverageQuery>();
        return builder;
    }
}
