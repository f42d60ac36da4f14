using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Data;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;

namespace Training.Tests.Infrastructure.Data;

/// <summary>
/// Issue 16 §1: with an application user of its own (production), the web nodes' login does not change the schema;
/// the migrate verb does, with the schema owner's connection (<c>ConnectionStrings:Migrations</c>). Shown on SQLite,
/// where a read-only connection stands for a login without DDL rights.
/// </summary>
public sealed class MigrationLoginTests : IDisposable
{
    private readonly TempFolder _folder = new("migration-login");

    public void Dispose() => _folder.Dispose();

    private string File => Path.Combine(_folder.Path, "training.db");

    private ServiceProvider Services(string applicationConnection, params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(config);
        services.AddSqliteDatabase(applicationConnection);
        return services.BuildServiceProvider();
    }

    private async Task<int> AppliedAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={File}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'";
        return Convert.ToInt32(await command.ExecuteScalarAsync()) == 0 ? 0 : await CountAsync(connection);
    }

    private static async Task<int> CountAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM __EFMigrationsHistory";
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Should_refuse_to_migrate_at_start_with_the_application_login_and_say_to_run_migrate()
    {
        await using var services = Services($"Data Source={File}", ("Database:ApplicationUser", "training_app"));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseSetup.MigrateAsync(services));

        Assert.Equal(DataTexts.PendingMigrationsForApplication, refused.Message);
        Assert.Equal(0, await AppliedAsync());
    }

    [Fact]
    public async Task Should_migrate_with_the_schema_owners_connection_when_the_migrate_verb_runs()
    {
        await System.IO.File.WriteAllBytesAsync(File, []);
        // The application's connection cannot write: only the owner's can have made the tables.
        await using var services = Services($"Data Source={File};Mode=ReadOnly", ("ConnectionStrings:Migrations", $"Data Source={File}"));

        await DatabaseSetup.MigrateAsync(services, asOwner: true);

        Assert.True(await AppliedAsync() > 10);
        await using var scope = services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<TrainingDbContext>().Database.GetPendingMigrationsAsync());
    }
}
