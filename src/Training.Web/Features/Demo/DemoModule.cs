using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Demo;

/// <summary>
/// The Guangzhou demo data: the real divisions, generated people, posts, enrollments, reserves,
/// mentoring and classes (<see cref="DemoSeeder"/>); the <c>seed-demo</c> verb; and, in
/// Development, the data loaded into an empty database so that <c>dotnet run</c> on a fresh
/// clone shows a working portal. Production never seeds.
/// </summary>
public sealed class DemoModule : TrainingModule
{
    public override string Folder => "Demo";

    public override IReadOnlyList<Verb> Verbs =>
    [
        new("seed-demo", DemoTexts.VerbHelp, SeedDemoVerb.RunAsync),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<DemoSeeder>();

    public override async Task PrepareAsync(WebApplication app)
    {
        if (!app.Environment.IsDevelopment() || !app.Configuration.GetValue("Demo:SeedWhenEmpty", true)) return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        if (await db.OrgUnits.AnyAsync()) return;
        // The seeder logs its own progress and summary.
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(DemoScale.City);
    }
}
