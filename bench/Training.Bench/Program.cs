using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Bench;
using Training.Web.Features.Demo;
using Training.Web.Features.Statistics;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Modules;

// Subcommands: make-roster (RosterGenerator.cs), import-phases (ImportPhasesBench.cs), export-enrollments (EnrollmentExportBench.cs),
// certificates (CertificatesBench.cs), mixed (Mixed/MixedScenario.cs, run by bench/load.sh),
// without one, the statistics benchmark of bench/run.sh.
if (args.Length > 0 && args[0] == "make-roster") return await RosterGenerator.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "import-phases") return await ImportPhasesBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "export-enrollments") return await EnrollmentExportBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "certificates") return CertificatesBench.Run(args[1..]);
if (args.Length > 0 && args[0] == "registrable") return RegistrablePersons.Run(args[1..]);
if (args.Length > 0 && args[0] == "mixed") return await Training.Bench.Mixed.MixedScenario.RunAsync(args[1..]);
if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
{
    // Never fall through to the statistics benchmark (it migrates and writes snapshots into --db).
    Console.Error.WriteLine($"unknown subcommand {args[0]}: make-roster, import-phases, export-enrollments, certificates, mixed, registrable, or statistics options (--scale …)");
    return 2;
}

// Usage: dotnet run -c Release --project bench/Training.Bench -- --scale city|province|nation [--db FILE] [--as-of yyyy-MM-dd] [--repeat N]
// Seeds the demo data at the scale into FILE (once: an existing seeded file is reused), then
// times the statistics: every figure for the city, and every figure for every unit.
var scaleName = Arg("--scale") ?? "city";
var scale = DemoScaleParser.Parse(scaleName);
var file = Arg("--db") ?? Path.Combine(Path.GetTempPath(), $"training-bench-{scaleName}.db");
var asOf = DateOnly.Parse(Arg("--as-of") ?? "2019-12-31");
var repeat = int.Parse(Arg("--repeat") ?? "3");

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
builder.Configuration["ConnectionStrings:Training"] = $"Data Source={file}";
builder.Configuration["Hangfire:SqliteFile"] = Path.Combine(Path.GetTempPath(), $"training-bench-{scaleName}-hangfire.db");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddTrainingData();
builder.AddTrainingIdentity();
builder.AddTrainingWeb();
builder.AddTrainingModules(PortalModules.All());
builder.AddTrainingJobs(runServer: false);
await using var app = builder.Build();

await DatabaseSetup.MigrateAsync(app.Services);
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
    if (!await db.OrgUnits.AnyAsync())
    {
        var seed = Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(scale);
        Console.WriteLine($"seed {scaleName}: {seed.Elapsed.TotalSeconds:F1} s");
    }
    var counts = new { Units = await db.OrgUnits.CountAsync(), Persons = await db.Persons.CountAsync(), Posts = await db.Posts.CountAsync(), Enrollments = await db.Enrollments.CountAsync(), Reserves = await db.Reserves.CountAsync() };
    Console.WriteLine($"data: {counts.Units:N0} units, {counts.Persons:N0} persons, {counts.Posts:N0} posts, {counts.Enrollments:N0} enrollments, {counts.Reserves:N0} reserves; as of {asOf:yyyy-MM-dd}");
}

await TimeAsync("city, every figure (ComputeAsync)", async s => (await s.ComputeAsync("/440100/", asOf)).ToString());
await TimeAsync("every unit, every figure (ComputeForAllUnitsAsync)", async s => $"{(await s.ComputeForAllUnitsAsync(asOf)).Count:N0} units");
await TimeJobAsync("full snapshot job (compute + replace the date's snapshot in one transaction)");
return 0;

async Task TimeJobAsync(string what)
{
    var times = new List<double>();
    for (var i = 0; i < repeat; i++)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<ComputeSnapshotJob>();
        var watch = Stopwatch.StartNew();
        await job.ComputeAndWriteAsync(asOf, "基准测试", CancellationToken.None);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{what}: min {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms over {repeat} runs");
}

async Task TimeAsync(string what, Func<StatisticsService, Task<string>> run)
{
    var times = new List<double>();
    string result = "";
    for (var i = 0; i < repeat; i++)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<StatisticsService>();
        var watch = Stopwatch.StartNew();
        result = await run(service);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{what}: min {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms over {repeat} runs");
    Console.WriteLine($"  {result}");
}

string? Arg(string name) => BenchArgs.Option(args, name);
