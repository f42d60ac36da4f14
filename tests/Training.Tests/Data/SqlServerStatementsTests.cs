using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Reports;

namespace Training.Tests.Data;

/// <summary>
/// The statements written by hand for SQL Server (production), parsed as T-SQL without a server — none runs here,
/// so a syntax slip would only show in production. Each is built as the application builds it, its {n}
/// placeholders turned into the parameters EF makes of them.
/// </summary>
public sealed class SqlServerStatementsTests
{
    private static void AssertParses(string sql)
    {
        var withParameters = Regex.Replace(sql, @"\{(\d+)\}", "@p$1");
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(withParameters), out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")) + "\n" + withParameters);
    }

    private static IReadOnlyList<(LearningTally, UnitTally)> Rows(int count) =>
        Enumerable.Range(1, count).Select(i => (new LearningTally(2026, i), new UnitTally())).ToList();

    [Fact]
    public void The_ledger_totals_upsert_and_rebuild_parse_as_T_SQL()
    {
        AssertParses(LedgerTotals.Upsert(sqlite: false, [new(2026, 1, 3, 100, 50), new(2026, 2, 3, 0, 25)]).Sql);
        AssertParses(LedgerTotals.SqlServerRebuild);
    }

    [Fact]
    public void The_data_stamps_raise_parses_as_T_SQL()
    {
        AssertParses(DataStamps.RaiseSql(sqlite: false, "{0}"));
        AssertParses(DataStamps.RaiseSql(sqlite: false, "@subject"));
    }

    [Fact]
    public void The_learning_tallies_insert_and_write_back_parse_as_T_SQL()
    {
        AssertParses(LearningTallies.AddMissingSql(sqlite: false));
        var (sql, values) = LearningTallies.Update(Rows(100), 2026, new DateOnly(2026, 12, 4));
        AssertParses(sql);
        Assert.True(values.Length < 2_100, "SQL Server takes at most 2,100 parameters a statement");
    }

    [Fact]
    public void A_statement_with_a_slip_does_not_parse()
    {
        Assert.ThrowsAny<Exception>(() => AssertParses(LearningTallies.AddMissingSql(sqlite: false).Replace("NOT EXISTS", "NOT EXIST", StringComparison.Ordinal)));
    }
}
