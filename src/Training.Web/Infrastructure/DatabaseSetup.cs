using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Data.Personal;

namespace Training.Web.Infrastructure;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>
/// Chooses the provider from <c>Database:Provider</c> (Sqlite by default, or SqlServer) and the
/// connection string from <c>ConnectionStrings:Training</c>. The embedded default is a SQLite
/// file in the <c>data</c> folder beside the app.
/// </summary>
public static class DatabaseSetup
{
    public const string SqliteMigrations = "Training.Migrations.Sqlite";
    public const string SqlServerMigrations = "Training.Migrations.SqlServer";

    public static DatabaseProvider Provider(IConfiguration config) =>
        string.Equals(config["Database:Provider"], "SqlServer", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.SqlServer
            : DatabaseProvider.Sqlite;

    public static string ConnectionString(IConfiguration config, IHostEnvironment env)
    {
        var configured = config.GetConnectionString("Training");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (Provider(config) == DatabaseProvider.SqlServer)
            throw new InvalidOperationException("使用 SQL Server 时必须配置连接字符串 ConnectionStrings:Training。");
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataFolder(env), "training.db") }.ToString();
    }

    /// <summary>The folder for the embedded SQLite files (portal data and Hangfire's, kept apart).</summary>
    public static string DataFolder(IHostEnvironment env)
    {
        var folder = Path.Combine(env.ContentRootPath, "data");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static WebApplicationBuilder AddTrainingData(this WebApplicationBuilder builder)
    {
        var provider = Provider(builder.Configuration);
        var connectionString = ConnectionString(builder.Configuration, builder.Environment);
        // Pooled: a request reuses a context instead of building its options and services again
        // (a tenth of a signed-in request's CPU went there). The context holds no state of its own
        // between requests; EF resets the change tracker, command timeout and transaction on return.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<Data.AuditSources>();
        builder.Services.AddSingleton(Keys.PersonalDataKey.Load(builder.Configuration, builder.Environment));
        builder.Services.AddDbContextPool<TrainingDbContext>((services, options) =>
        {
            Configure(options, provider, connectionString, services.GetRequiredService<PersonalDataCipher>());
            options.AddInterceptors(services.GetRequiredService<Data.AuditSources>());
        });
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, PersonalDataCipher cipher)
    {
        options.AddInterceptors(OrgPathRange.Instance).UsePersonalData(cipher);
        // A list in a query (ids.Contains(x.Id), the units above an account) goes as one JSON parameter
        // (json_each / OPENJSON): EF 10's default, one parameter per item, makes the SQL depend on the
        // list's length, so EF generates it again on every execution (about 4% of the class page's CPU
        // under load) instead of taking it from its cache; and one list can hold more than SQLite's
        // 32,766 parameters.
        if (provider == DatabaseProvider.SqlServer)
            options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(SqlServerMigrations).EnableRetryOnFailure()
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        else
            options.UseSqlite(WithBusyTimeout(connectionString), sqlite => sqlite.MigrationsAssembly(SqliteMigrations)
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(Data.SqliteBusyWait.Instance);
    }

    /// <summary>SQLite has one writer: wait for the lock instead of failing at once.</summary>
    private static string WithBusyTimeout(string connectionString)
    {
        var b = new SqliteConnectionStringBuilder(connectionString);
        if (b.DefaultTimeout == 30) b.DefaultTimeout = 60;
        return b.ToString();
    }

    /// <summary>
    /// The application's own database user on SQL Server (<c>Database:ApplicationUser</c>, production): set, the
    /// application's login has no DDL rights, so the web nodes neither migrate nor install Hangfire's tables; the
    /// <c>migrate</c> verb does both as the schema's owner and grants this user its tables (<see cref="Data.SqlServerRights"/>).
    /// </summary>
    public static string? ApplicationUser(IConfiguration config) =>
        string.IsNullOrWhiteSpace(config["Database:ApplicationUser"]) ? null : config["Database:ApplicationUser"]!.Trim();

    /// <summary>
    /// Applies pending migrations (never EnsureCreated) and turns on WAL for SQLite. <paramref name="asOwner"/> (the
    /// <c>migrate</c> verb): as the schema's owner, <c>ConnectionStrings:Migrations</c> when set, and on SQL Server with
    /// an application user, also Hangfire's tables and that user's rights. Then encrypts the ID numbers, phones and
    /// authenticator keys an earlier version wrote in clear text (after checking the key reads what is encrypted
    /// already) and deletes Data Protection keys left in clear text.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, bool asOwner = false, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        // Tests' private providers have no configuration: the embedded default then.
        var config = services.GetService<IConfiguration>() ?? new ConfigurationBuilder().Build();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var owner = config.GetConnectionString("Migrations");
        var cipher = services.GetRequiredService<PersonalDataCipher>();
        await using var ownerDb = asOwner && !string.IsNullOrWhiteSpace(owner) ? OwnerContext(config, owner, cipher) : null;
        var schema = ownerDb ?? db;
        if (schema.Database.IsSqlite())
            await schema.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        var user = ApplicationUser(config);
        // MigrateAsync also compares the model with the last snapshot (a few hundred ms of every
        // start and every verb); with nothing pending there is nothing to apply or compare.
        if ((await schema.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            if (user is not null && !asOwner) throw new InvalidOperationException(Data.DataTexts.PendingMigrationsForApplication);
            await schema.Database.MigrateAsync(ct);
        }
        if (asOwner && user is not null && schema.Database.IsSqlServer())
        {
            var connection = schema.Database.GetDbConnection();
            await schema.Database.OpenConnectionAsync(ct);
            try { Hangfire.SqlServer.SqlServerObjectsInstaller.Install(connection, Data.SqlServerRights.HangfireSchema, enableHeavyMigrations: true); }
            finally { await schema.Database.CloseConnectionAsync(); }
            await schema.Database.ExecuteSqlRawAsync(Data.SqlServerRights.GrantScript(schema.Model, user), ct);
        }
        var log = scope.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(DatabaseSetup));
        var encrypted = await ClearPersonalData.EncryptAsync(db, cipher, ct);
        if (encrypted > 0) log?.LogWarning("{Message}", PersonalDataTexts.Encrypted(encrypted));
        await AppUserStore.EncryptClearKeysAsync(db, cipher, ct);
        var forgotten = await Keys.UnencryptedKeys.ForgetAsync(db, ct);
        if (forgotten > 0) log?.LogWarning("{Message}", Keys.KeyTexts.ForgotUnencryptedKeys(forgotten));
    }

    private static TrainingDbContext OwnerContext(IConfiguration config, string connectionString, PersonalDataCipher cipher)
    {
        var options = new DbContextOptionsBuilder<TrainingDbContext>();
        Configure(options, Provider(config), connectionString, cipher);
        return new TrainingDbContext(options.Options);
    }
}
