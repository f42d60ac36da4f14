using Hangfire;
using Training.Web.Features.DataExchange.Exports;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.DataExchange;

/// <summary>
/// Spreadsheets in and out (IMPORT-EXPORT.md): Import/ (the roster workbook, the background
/// import job with progress and the error workbook, the <c>import</c> verb; the run pages serve
/// the Degree module's graduation list too) and Exports/ (报名名单 and 人员花名册 written in the
/// background, downloaded until they expire).
/// </summary>
public sealed class DataExchangeModule : TrainingModule
{
    public override string Folder => "DataExchange";

    public override IReadOnlyList<Permission> Permissions => DataExchangePermissions.All;

    public override IReadOnlyList<MenuEntry> Menu =>
    [
        new("数据导出", "/DataExchange/Exports/Index", DataExchangePermissions.Export, 75),
        new("数据导入", "/DataExchange/Import/Index", DataExchangePermissions.ImportRoster, 85),
    ];

    public override IReadOnlyList<Verb> Verbs =>
    [
        new("import", "import 文件.xlsx  导入花名册（组织、人员、职务、学历教育、后备、关键岗位；有错误则不导入，错误逐行输出）",
            (services, args) => ImportVerb.RunAsync(services, args)),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ExportStorage>();
        services.AddScoped<ExportJob>();
        services.AddScoped<ExpireExportsJob>();
        services.AddScoped<RosterImport>();
        services.AddScoped<ImportJob>();
    }

    public override void AddRecurringJobs(IRecurringJobManager jobs) => ExpireExportsJob.RegisterHourly(jobs);
}
