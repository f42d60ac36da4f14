using Hangfire;
using Hangfire.Dashboard;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Training.Core.Identity;
using Training.Web.Features.Exports;
using Training.Web.Features.Statistics;

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
        builder.Services.AddHangfire(h =>
        {
            h.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (DatabaseSetup.Provider(config) == DatabaseProvider.SqlServer)
            {
                var cs = config.GetConnectionString("Hangfire") ?? DatabaseSetup.ConnectionString(config, builder.Environment);
                h.UseSqlServerStorage(cs, new SqlServerStorageOptions { PrepareSchemaIfNecessary = true });
            }
            else
            {
                var file = config["Hangfire:SqliteFile"] ?? Path.Combine(DatabaseSetup.DataFolder(builder.Environment), "hangfire.db");
                h.UseSQLiteStorage(file, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
            }
        });
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

    public static WebApplication MapTrainingJobs(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new CityAdminOnly()],
            AppPath = "/",
            DashboardTitle = "后台任务",
        });
        ComputeSnapshotJob.RegisterNightly(app.Services.GetRequiredService<IRecurringJobManager>());
        ExpireExportsJob.RegisterHourly(app.Services.GetRequiredService<IRecurringJobManager>());
        return app;
    }

    private sealed class CityAdminOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.CityAdmin);
        }
    }
}
