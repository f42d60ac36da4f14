using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Features.Demo;

namespace Training.Web.Infrastructure;

public static class Startup
{
    /// <summary>
    /// Migrations at start-up; in Development an empty database gets the demo data so that
    /// <c>dotnet run</c> on a fresh clone shows a working portal. Production never seeds.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        if (!app.Environment.IsDevelopment() || !app.Configuration.GetValue("Demo:SeedWhenEmpty", true)) return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        if (await db.OrgUnits.AnyAsync()) return;
        // The seeder logs its own progress and summary.
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(DemoScale.City);
    }
}
