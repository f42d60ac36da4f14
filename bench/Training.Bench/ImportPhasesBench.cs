using Training.Web.Infrastructure.Modules;
using System.Diagnostics;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Web.Infrastructure;

namespace Training.Bench;

/// <summary>
/// import-phases: runs the roster import in process (the same <see cref="RosterImport"/> the
/// `import` verb and the web job call) over a fresh SQLite file, twice (the second time every
/// row is unchanged), and prints how long each stage it reports took (读取, 校验, 写入), the
/// total and the peak working set: where the seconds of bench/import.sh go.
/// </summary>
public static class ImportPhasesBench
{
    public const string Usage = "用法：Training.Bench import-phases --roster 文件.xlsx [--passes 2]";

    public static async Task<int> RunAsync(string[] args)
    {
        var roster = BenchArgs.Option(args, "--roster");
        if (string.IsNullOrWhiteSpace(roster) || !File.Exists(roster)) { Console.Error.WriteLine(Usage); return 2; }
        var passes = int.Parse(BenchArgs.Option(args, "--passes") ?? "2");
        var folder = Directory.CreateTempSubdirectory("training-import-phases-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
            builder.Configuration["ConnectionStrings:Training"] = $"Data Source={Path.Combine(folder, "training.db")}";
            builder.Configuration["Hangfire:SqliteFile"] = Path.Combine(folder, "hangfire.db");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddTrainingData();
            builder.AddTrainingIdentity();
            builder.AddTrainingWeb();
            builder.AddTrainingModules(PortalModules.All());
            builder.AddTrainingJobs(runServer: false);
            await using var app = builder.Build();
            await DatabaseSetup.MigrateAsync(app.Services);

            for (var pass = 1; pass <= passes; pass++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var import = scope.ServiceProvider.GetRequiredService<RosterImport>();
                var stages = new StageClock();
                await using var file = File.OpenRead(roster);
                var outcome = await import.RunAsync(file, stages);
                stages.Stop();
                using var self = Process.GetCurrentProcess();
                Console.WriteLine($"pass {pass}: {(outcome.Succeeded ? "imported" : $"{outcome.Errors.Count} errors")}, " +
                    $"{string.Join(", ", outcome.Counts.Select(c => $"{c.Sheet} +{c.Added}/~{c.Updated}/={c.Unchanged}"))}");
                Console.WriteLine($"  {stages}; total {stages.Total.TotalSeconds:F2} s, peak working set {self.PeakWorkingSet64 / 1024 / 1024:N0} MB");
                foreach (var e in outcome.Errors.Take(5)) Console.WriteLine($"  {e}");
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Called synchronously by the import (unlike Progress&lt;T&gt;): the time of each change of stage.</summary>
    private sealed class StageClock : IProgress<ImportProgress>
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly List<(string Stage, TimeSpan At)> _changes = [];

        public TimeSpan Total { get; private set; }

        public void Report(ImportProgress value)
        {
            if (_changes.Count == 0 || _changes[^1].Stage != value.Stage) _changes.Add((value.Stage, _watch.Elapsed));
        }

        public void Stop() => Total = _watch.Elapsed;

        public override string ToString() => string.Join(", ", _changes.Select((c, i) =>
            $"{c.Stage} {((i + 1 < _changes.Count ? _changes[i + 1].At : Total) - c.At).TotalSeconds:F2} s"));
    }
}
