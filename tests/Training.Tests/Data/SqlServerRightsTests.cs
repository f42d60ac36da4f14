using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Training.Core.Data;
using Training.Web.Infrastructure.Data;

namespace Training.Tests.Data;

/// <summary>
/// Issue 16 §1, §5 on SQL Server, built without a server: what the migrate verb grants the application's own user —
/// every table of the model to read and write, the audit trail only to add to, read and seal, nothing that changes
/// the schema or grants rights. Parsed as T-SQL and read statement by statement.
/// </summary>
public sealed class SqlServerRightsTests
{
    private const string User = "training_app";

    private static IModel SqlServerModel()
    {
        var options = new DbContextOptionsBuilder<TrainingDbContext>().UseSqlServer("Server=model-only;Database=none;Integrated Security=true").Options;
        using var db = new TrainingDbContext(options);
        return db.GetService<IDesignTimeModel>().Model;
    }

    private static IReadOnlyList<TSqlStatement> Parse(string sql)
    {
        var script = (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")) + "\n" + sql);
        return script.Batches.SelectMany(b => b.Statements).ToList();
    }

    private sealed record Right(string Kind, string Permission, string? Table, string[] Columns);

    private static List<Right> Rights(IEnumerable<TSqlStatement> statements)
    {
        var rights = new List<Right>();
        foreach (var s in statements)
        {
            var (kind, permissions, target) = s switch
            {
                GrantStatement g => ("GRANT", g.Permissions, g.SecurityTargetObject),
                RevokeStatement r => ("REVOKE", r.Permissions, r.SecurityTargetObject),
                DenyStatement d => ("DENY", d.Permissions, d.SecurityTargetObject),
                _ => ("", null!, null!),
            };
            if (kind == "") continue;
            var table = target.ObjectName?.MultiPartIdentifier.Identifiers.Last().Value;
            if (target.ObjectKind == SecurityObjectKind.Schema) table = "SCHEMA::" + table;
            foreach (var p in permissions)
                rights.Add(new(kind, string.Join(' ', p.Identifiers.Select(i => i.Value.ToUpperInvariant())), table, p.Columns.Select(c => c.Value).ToArray()));
        }
        return rights;
    }

    [Fact]
    public void Should_grant_every_table_of_the_model_and_the_audit_trail_only_to_add_read_and_seal()
    {
        var model = SqlServerModel();
        var rights = Rights(Parse(SqlServerRights.GrantScript(model, User)));
        var grants = rights.Where(r => r.Kind == "GRANT").ToList();

        foreach (var table in model.GetRelationalModel().Tables.Select(t => t.Name).Where(t => t != "Audit"))
            Assert.Equal(["DELETE", "INSERT", "SELECT", "UPDATE"], grants.Where(g => g.Table == table && g.Columns.Length == 0).Select(g => g.Permission).Order());
        var audit = grants.Where(g => g.Table == "Audit").ToList();
        Assert.Equal(["INSERT", "SELECT"], audit.Where(g => g.Columns.Length == 0).Select(g => g.Permission).Order());
        Assert.Equal(["ChainIndex", "PreviousSeal", "Seal"], audit.Where(g => g.Permission == "UPDATE").SelectMany(g => g.Columns).Order());
        Assert.DoesNotContain(audit, g => g.Permission == "DELETE");
        Assert.Contains(rights, r => r is { Kind: "REVOKE", Table: "Audit", Permission: "DELETE" });
        Assert.Contains(grants, g => g is { Permission: "EXECUTE", Table: "PurgeAudit" });
    }

    [Fact]
    public void Should_grant_nothing_that_changes_the_schema_or_grants_rights_and_refuse_a_user_in_a_strong_role()
    {
        var statements = Parse(SqlServerRights.GrantScript(SqlServerModel(), User));
        var permissions = Rights(statements).Where(r => r.Kind == "GRANT").Select(r => r.Permission).ToHashSet();

        Assert.Subset(new HashSet<string> { "SELECT", "INSERT", "UPDATE", "DELETE", "EXECUTE" }, permissions);
        Assert.All(statements, s => Assert.True(s is GrantStatement or RevokeStatement or IfStatement, s.GetType().Name));
        var check = Assert.IsType<IfStatement>(statements[0]);
        Assert.IsType<ThrowStatement>(check.ThenStatement);
        Assert.All(SqlServerRights.TooStrongRoles, role => Assert.Contains($"N'{role}'", SqlServerRights.GrantScript(SqlServerModel(), User)));
    }

    [Theory]
    [InlineData("app]; DROP TABLE [Audit]; --")]
    [InlineData("app' OR 1=1")]
    [InlineData("")]
    public void Should_refuse_a_user_name_that_is_not_a_plain_name(string user)
    {
        Assert.Throws<InvalidOperationException>(() => SqlServerRights.GrantScript(SqlServerModel(), user));
    }

    [Fact]
    public void Should_find_every_table_of_Hangfire_in_the_schema_the_application_is_granted()
    {
        var install = Hangfire.SqlServer.SqlServerObjectsInstaller.GetInstallScript(SqlServerRights.HangfireSchema, enableHeavyMigrations: true);
        var created = Parse(install.Replace("$(HangFireSchema)", SqlServerRights.HangfireSchema, StringComparison.Ordinal))
            .SelectMany(Descendants).OfType<CreateTableStatement>().ToList();

        Assert.NotEmpty(created);
        Assert.All(created, t => Assert.Equal(SqlServerRights.HangfireSchema, t.SchemaObjectName.SchemaIdentifier?.Value));
    }

    /// <summary>Statements inside IF / BEGIN … END blocks too (the installer wraps its tables in version checks).</summary>
    private static IEnumerable<TSqlStatement> Descendants(TSqlStatement statement)
    {
        var visitor = new StatementCollector();
        statement.Accept(visitor);
        return visitor.Found;
    }

    private sealed class StatementCollector : TSqlFragmentVisitor
    {
        public List<TSqlStatement> Found { get; } = [];
        public override void Visit(CreateTableStatement node) => Found.Add(node);
    }
}
