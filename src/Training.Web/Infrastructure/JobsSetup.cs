using Hangfire;
using Hangfire.Dashboard;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Authorization;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Infrastructure;

/// <summary>
/// Hangfire: SQLite storage in its own file beside the portal's (embedded), or SQL Server
/// storage shared by every node (production). The server runs in the web process.
/// </summary>
public static class JobsSetup
{
    public static WebApplicationBuilder AddTrainingJobs(this WebApplicationBuilder builder, bool runServer)
    {
        var config = builder.Configuration;
        // The storage is this app's own service, not only Hangfire's static JobStorage.Current: the
        // client, server and dashboard take it from DI, so two hosts in one process (tests) never
        // enqueue into each other's database. Built on first use: SQL Server's storage connects at once.
        builder.Services.AddSingleton<JobStorage>(_ => DatabaseSetup.Provider(config) == DatabaseProvider.SqlServer
            ? new SqlServerStorage(config.GetConnectionString("Hangfire") ?? DatabaseSetup.ConnectionString(config, builder.Environment),
                // With an application user of its own (production) the login cannot create tables: `migrate` installs them.
                new SqlServerStorageOptions { PrepareSchemaIfNecessary = DatabaseSetup.ApplicationUser(config) is null })
            : new SQLiteStorage(config["Hangfire:SqliteFile"] ?? Path.Combine(DatabaseSetup.DataFolder(builder.Environment), "hangfire.db"),
                new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) }));
        builder.Services.AddHangfire((services, h) => h
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(services.GetRequiredService<ILoggerFactory>()))
            .UseStorage(services.GetRequiredService<JobStorage>()));
        if (runServer)
        {
            builder.Services.AddHangfireServer(o =>
            {
                // SQLite has one writer: a couple of workers are plenty for the embedded shape.
                o.WorkerCount = DatabaseSetup.Provider(config) == DatabaseProvider.SqlServer ? Environment.ProcessorCount * 2 : 2;
            });
        }
        return builder;
    }

    /// <summary>The dashboard at /hangfire for the holders of <paramref name="dashboardPolicy"/>; every module's recurring jobs.</summary>
    public static WebApplication MapTrainingJobs(this WebApplication app, string dashboardPolicy)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new PolicyFilter(dashboardPolicy)],
            AppPath = "/",
            DashboardTitle = "后台任务",
        });
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules) module.AddRecurringJobs(jobs);
        return app;
    }

    private sealed class PolicyFilter(string policy) : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            if (http.User.Identity?.IsAuthenticated != true) return false;
            var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
            return (await authorization.AuthorizeAsync(http.User, policy)).Succeeded;
        }
    }
}
