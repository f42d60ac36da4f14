using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Training.Tests.Architecture;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Training.Tests.Data;

/// <summary>
/// Issue 16 §1 in the production shape (docker-compose.yml, deploy/sqlserver/init.sql), read without Docker or a
/// server (neither runs here): nothing of the portal connects as sa; the web nodes connect as the application's
/// login, which no role lifts above what migrate grants it; only migrate holds the schema owner's login; every node
/// shares the key store.
/// </summary>
public sealed class SqlServerDeploymentTests
{
    private static readonly string[] Portal = ["migrate", "web1", "web2"];

    private static Dictionary<string, Dictionary<object, object>> Services()
    {
        using var reader = new StringReader(File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "docker-compose.yml")));
        // MergingParser applies the `<<: *web` merges, as Compose does.
        var compose = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
        return ((Dictionary<object, object>)compose["services"]).ToDictionary(s => (string)s.Key, s => (Dictionary<object, object>)s.Value);
    }

    private static Dictionary<string, string> Environment(Dictionary<object, object> service) =>
        ((Dictionary<object, object>)service["environment"]).ToDictionary(e => (string)e.Key, e => (string)e.Value);

    private static string Login(string connectionString) => new SqlConnectionStringBuilder(connectionString).UserID;

    [Fact]
    public void Should_connect_the_portal_as_its_own_login_and_migrate_alone_as_the_schema_owner_never_as_sa()
    {
        var services = Services();

        foreach (var name in Portal)
        {
            var env = Environment(services[name]);
            Assert.Equal("training_app", Login(env["ConnectionStrings__Training"]));
            Assert.Equal("training_app", env["Database__ApplicationUser"]);
            Assert.Equal(name == "migrate", env.ContainsKey("ConnectionStrings__Migrations"));
            Assert.DoesNotContain(env.Values, v => Regex.IsMatch(v, @"User Id\s*=\s*sa\b", RegexOptions.IgnoreCase) || v.Contains("MSSQL_SA_PASSWORD", StringComparison.Ordinal));
        }
        Assert.Equal("training_owner", Login(Environment(services["migrate"])["ConnectionStrings__Migrations"]));
    }

    [Fact]
    public void Should_give_every_node_and_migrate_the_same_key_store_volume()
    {
        var services = Services();

        foreach (var name in Portal)
        {
            var folder = Environment(services[name])["Keys__Folder"];
            var volumes = ((List<object>)services[name]["volumes"]).Cast<string>();
            Assert.Contains($"keys:{folder}", volumes);
        }
    }

    [Fact]
    public void Should_make_the_logins_with_no_role_for_the_application_in_a_script_that_parses()
    {
        var init = File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "deploy", "sqlserver", "init.sql"));
        var sql = Regex.Replace(init, @"\$\((\w+)\)", "secret-$1");

        var script = (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.Empty(errors);
        var statements = script.Batches.SelectMany(b => b.Statements).ToList();
        var roles = statements.OfType<AlterRoleStatement>().Select(r => (r.Name.Value, Member: ((AddMemberAlterRoleAction)r.Action).Member.Value)).ToList();
        Assert.Equal([("db_owner", "training_owner")], roles);
        Assert.Contains("CREATE LOGIN [training_app]", init);
        Assert.DoesNotContain(statements, s => s is GrantStatement);
    }
}
