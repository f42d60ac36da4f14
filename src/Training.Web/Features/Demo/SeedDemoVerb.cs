using Training.Web.Infrastructure;

namespace Training.Web.Features.Demo;

/// <summary><c>seed-demo [--scale city|province|nation]</c>: the demo data into an empty database.</summary>
public static class SeedDemoVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var scale = DemoScaleParser.Parse(CommandLine.Option(args, "--scale") ?? "city");
        await DatabaseSetup.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(scale);
        Console.WriteLine(result.Summary);
        return 0;
    }
}
