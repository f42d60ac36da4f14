using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Training.Core.Data;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Web.Features.Demo;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Demo;

/// <summary>
/// A migrated SQLite file of its own with the services the demo seeder needs, on a clock of
/// the test's choosing: what the generator writes, with nothing any other test added.
/// </summary>
public sealed class DemoDatabase : IAsyncDisposable
{
    private DemoDatabase(string file, ServiceProvider services) => (File, Services) = (file, services);

    public string File { get; }
    public ServiceProvider Services { get; }

    public static async Task<DemoDatabase> MigratedAsync(string folder, string name, DateTimeOffset now)
    {
        var file = Path.Combine(folder, name + ".db");
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSqliteDatabase($"Data Source={file}");
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<TrainingDbContext>();
        services.AddSingleton<TimeProvider>(new FixedClock(now));
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = Environments.Development,
            ApplicationName = "Training.Web",
            ContentRootPath = AppContext.BaseDirectory,
        });
        services.AddScoped<DemoSeeder>();
        var provider = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(provider);
        return new DemoDatabase(file, provider);
    }

    public static async Task<DemoDatabase> SeededAsync(string folder, string name, DateTimeOffset now)
    {
        var database = await MigratedAsync(folder, name, now);
        await database.SeedAsync();
        return database;
    }

    /// <summary>The city-scale demo, written by the fast SQLite writer or (<paramref name="ef"/>) by EF Core.</summary>
    public async Task<DemoSeedResult> SeedAsync(bool ef = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        seeder.UseEntityFrameworkStore = ef;
        return await seeder.SeedAsync(DemoScale.City);
    }

    public async Task<T> WithDbAsync<T>(Func<TrainingDbContext, Task<T>> f)
    {
        await using var scope = Services.CreateAsyncScope();
        return await f(scope.ServiceProvider.GetRequiredService<TrainingDbContext>());
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

/// <summary>
/// Today's demo seeded once for a test class and never written to: the figures the demo
/// promises are checked here, not on the app's database where other tests add people.
/// </summary>
public sealed class UntouchedDemo : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "training-demo-" + Guid.NewGuid().ToString("N"));
    private DemoDatabase? _database;

    public Task<T> WithDbAsync<T>(Func<TrainingDbContext, Task<T>> f) =>
        (_database ?? throw new InvalidOperationException("The demo database is not seeded yet.")).WithDbAsync(f);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = await DemoDatabase.SeededAsync(_folder, "untouched", DateTimeOffset.UtcNow);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a straggling handle: the OS temp cleaner takes it */ }
        catch (UnauthorizedAccessException) { }
    }
}
