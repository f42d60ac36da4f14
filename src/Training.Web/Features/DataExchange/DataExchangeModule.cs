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
        new(DataExchangeTexts.MenuExport, "/DataExchange/Exports/Index", DataExchangePermissions.Export, 75),
        new(DataExchangeTexts.MenuImport, "/DataExchange/Import/Index", DataExchangePermissions.ImportRoster, 85),
    ];

    public override IReadOnlyList<Verb> Verbs =>
    [
        new("import", DataExchangeTexts.ImportVerbHelp,
            (services, args) => ImportVerb.RunAsync(services, args)),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ExportStorage>();
        services.AddScoped<ExportJob>();
        services.AddScoped<ExpireExportsJob>();
        services.AddScoped<RosterImport>();
        services.AddScoped<ImportJob>();
        services.AddScoped<ForgetImportFilesJob>();
    }

    public override void AddRecurringJobs(IRecurringJobManager jobs)
    {
        ExpireExportsJob.RegisterHourly(jobs);
        ForgetImportFilesJob.RegisterHourly(jobs);
    }
}
