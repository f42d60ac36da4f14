using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Data;
using Training.Core.Data.Personal;
using Training.Web.Infrastructure;

namespace Training.Tests.Infrastructure;

/// <summary>
/// A portal database for tests that build their own services: the context as the portal configures it, with one
/// personal-data key for the whole test run (hosts get it as <c>Personal:Key</c>), so the EF model is built once.
/// </summary>
public static class TestDatabases
{
    public const string PersonalKey = "dGVzdHMgb25seTogcGVyc29uYWwgZGF0YSBrZXkgMzJi";
    public static readonly PersonalDataCipher Cipher = new(Convert.FromBase64String(PersonalKey));

    public static IServiceCollection AddSqliteDatabase(this IServiceCollection services, string connectionString) =>
        services.AddSingleton(Cipher)
            .AddDbContext<TrainingDbContext>(o => DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, connectionString, Cipher));

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        DatabaseSetup.Configure(options, provider, connectionString, Cipher);
}
