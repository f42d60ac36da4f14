using Training.Web.Infrastructure.Modules;

namespace Training.Web.Infrastructure;

public static class Startup
{
    /// <summary>Migrations at start-up, then each module's own preparation (e.g. demo data in Development).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules) await module.PrepareAsync(app);
    }
}
