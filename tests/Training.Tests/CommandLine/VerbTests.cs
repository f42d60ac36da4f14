using Microsoft.Data.Sqlite;

namespace Training.Tests.CommandLine;

/// <summary>
/// The verbs run as a real process of the built app, configured only through environment
/// variables (as operators do), each on a database file of its own.
/// </summary>
public sealed class VerbTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "training-verbs-" + Guid.NewGuid().ToString("N"));

    public VerbTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Should_migrate_an_empty_database_without_demo_data()
    {
        var run = await RunAsync("migrate");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM OrgUnits"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM AspNetUsers"));
        Assert.Equal(8L, Scalar("SELECT COUNT(*) FROM AspNetRoles"));
        Assert.True(Scalar("SELECT COUNT(*) FROM __EFMigrationsHistory") > 0);
    }

    [Fact]
    public async Task Should_create_a_system_administrator_bound_to_no_unit_and_the_city_unit()
    {
        var run = await RunAsync("create-admin", "--user", "admin", "--password", "Str0ng!pass-12");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM OrgUnits WHERE Code = '440100'"));
        Assert.Equal(1L, Scalar("""
            SELECT COUNT(*) FROM AspNetUsers u
            JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId
            WHERE u.UserName = 'admin' AND r.Name = 'SystemAdmin' AND u.OrgUnitId IS NULL
            """));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM AspNetUsers WHERE UserName = 'city'"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM Persons"));
    }

    [Theory]
    [InlineData("SecurityAuditor", false)]
    [InlineData("CityAdmin", true)]
    public async Task Should_create_the_auditor_or_a_city_admin_when_asked(string role, bool boundToTheCity)
    {
        var run = await RunAsync("create-admin", "--user", "someone", "--password", "Str0ng!pass-12", "--role", role);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1L, Scalar($"""
            SELECT COUNT(*) FROM AspNetUsers u
            JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId
            WHERE u.UserName = 'someone' AND r.Name = '{role}' AND u.OrgUnitId IS {(boundToTheCity ? "NOT NULL" : "NULL")}
            """));
    }

    [Theory]
    [InlineData("Trainee")]
    [InlineData("DistrictStaff")]
    [InlineData("root")]
    public async Task Should_refuse_a_role_the_command_line_does_not_make(string role)
    {
        var run = await RunAsync("create-admin", "--user", "someone", "--password", "Str0ng!pass-12", "--role", role);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(role, run.Stderr);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM AspNetUsers"));
    }

    [Fact]
    public async Task Should_refuse_a_weak_admin_password_with_a_message_and_nonzero_exit()
    {
        var run = await RunAsync("create-admin", "--user", "admin", "--password", "short");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("密码", run.Stderr);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM AspNetUsers"));
    }

    [Theory]
    [InlineData("Passw0rd", "常见")]
    [InlineData("P@ssw0rd2024!", "常见")]
    [InlineData("Kx7#rLm2pQv", "12 位")]
    public async Task Should_refuse_a_common_or_short_admin_password(string password, string message)
    {
        var run = await RunAsync("create-admin", "--user", "admin", "--password", password);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM AspNetUsers"));
    }

    [Fact]
    public async Task Should_make_the_first_admin_replace_the_command_line_password_at_first_sign_in()
    {
        Assert.Equal(0, (await RunAsync("create-admin", "--user", "admin", "--password", "Str0ng!pass-12")).ExitCode);

        Assert.Equal(1L, Scalar("SELECT MustChangePassword FROM AspNetUsers WHERE UserName = 'admin'"));
    }

    [Fact]
    public async Task Should_refuse_create_admin_without_arguments()
    {
        var run = await RunAsync("create-admin");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("用法", run.Stderr);
    }

    [Fact]
    public async Task Should_refuse_an_unknown_scale()
    {
        var run = await RunAsync("seed-demo", "--scale", "planet");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("planet", run.Stderr);
    }

    [Fact]
    public async Task Should_refuse_to_seed_demo_data_into_a_database_that_has_data()
    {
        Assert.Equal(0, (await RunAsync("create-admin", "--user", "admin", "--password", "Str0ng!pass-12")).ExitCode);

        var run = await RunAsync("seed-demo");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM Persons"));
    }

    private string DbFile => AppProcess.DbFile(_folder);

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private Task<AppProcess.Run> RunAsync(params string[] args) => AppProcess.RunAsync(_folder, args);
}
