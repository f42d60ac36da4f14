using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Training.Core.Data;
using Training.Web.Features.Audit;
using Training.Web.Infrastructure;

namespace Training.Tests.Data;

/// <summary>
/// Every SQL Server migration, generated as the script a DBA would run and parsed as T-SQL without a server (none
/// runs here): a hand-written statement in a migration (the audit purge procedure) would otherwise first fail in
/// production.
/// </summary>
public sealed class SqlServerMigrationsScriptTests
{
    private static string Script()
    {
        var options = new DbContextOptionsBuilder<TrainingDbContext>()
            .UseSqlServer("Server=model-only;Database=none;Integrated Security=true", sql => sql.MigrationsAssembly(DatabaseSetup.SqlServerMigrations))
            .Options;
        using var db = new TrainingDbContext(options);
        return db.GetService<IMigrator>().GenerateScript();
    }

    [Fact]
    public void Every_SQL_Server_migration_parses_as_T_SQL()
    {
        var script = Script();

        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5).Select(e => $"{e.Line}:{e.Column} {e.Message}")));
    }

    [Fact]
    public void The_audit_purge_procedure_deletes_only_the_chains_head_older_than_180_days_and_the_job_calls_it()
    {
        var parsed = (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(Script()), out _);
        // Made through EXEC (CREATE PROCEDURE must begin a batch): the procedure is the EXEC's text, parsed in turn.
        var body = parsed.Batches.SelectMany(b => b.Statements).OfType<ExecuteStatement>()
            .Select(e => e.ExecuteSpecification.ExecutableEntity).OfType<ExecutableStringList>()
            .SelectMany(l => l.Strings.OfType<StringLiteral>()).Select(s => s.Value)
            .Single(text => text.Contains("PROCEDURE [dbo].[PurgeAudit]", StringComparison.Ordinal));
        var procedure = ((TSqlScript)new TSql160Parser(true).Parse(new StringReader(body), out var bodyErrors)).Batches.Single().Statements.Single();
        Assert.Empty(bodyErrors);
        Assert.IsType<CreateOrAlterProcedureStatement>(procedure);

        Assert.Contains("DATEADD(day, -180, SYSUTCDATETIME())", body);
        Assert.Contains("DELETE FROM [dbo].[Audit] WHERE [ChainIndex] < @FirstKept;", body);
        Assert.DoesNotContain("NOCOUNT", body);
        var call = PurgeAuditJob.SqlServerPurge(42);
        new TSql160Parser(true).Parse(new StringReader(string.Format(call.Format, "@p0")), out var errors);
        Assert.Empty(errors);
        Assert.StartsWith("EXEC [dbo].[PurgeAudit]", call.Format);
    }
}
