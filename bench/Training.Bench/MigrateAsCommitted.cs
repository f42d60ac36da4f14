using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Training.Core.Data;
using Training.Web.Infrastructure;

namespace Training.Bench;

/// <summary>
/// migrate-as-committed --db FILE: applies the committed SQLite migrations to FILE exactly as they
/// are, ignoring EF Core's PendingModelChangesWarning (a model change without its migration, which
/// makes the app's own start-up migration throw). Only bench/learning.sh uses it, and only as a
/// fallback when the app's `migrate` verb fails for that reason: the benchmark then runs on the
/// committed schema and says so.
/// </summary>
public static class MigrateAsCommitted
{
    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--db");
        if (at < 0 || at + 1 >= args.Length) { Console.Error.WriteLine("usage: Training.Bench migrate-as-committed --db FILE"); return 2; }
        var services = new ServiceCollection();
        services.AddDbContext<TrainingDbContext>(o =>
        {
            DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, $"Data Source={args[at + 1]}");
            o.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();
        return 0;
    }
}
