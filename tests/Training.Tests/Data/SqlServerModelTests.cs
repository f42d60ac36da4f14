using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Training.Core.Data;

namespace Training.Tests.Data;

/// <summary>
/// The model as SQL Server sees it (production), built without a server: nothing here connects.
/// SQL Server lets a unique index hold NULL only once, so a unique index over a NULL-able
/// column without an IS NOT NULL filter would allow one row without a value — one staff account
/// in all (AspNetUsers.PersonId is NULL for every staff account).
/// </summary>
public sealed class SqlServerModelTests
{
    private static IModel SqlServerModel()
    {
        var options = new DbContextOptionsBuilder<TrainingDbContext>()
            .UseSqlServer("Server=model-only;Database=none;Integrated Security=true")
            .Options;
        using var db = new TrainingDbContext(options);
        return db.GetService<IDesignTimeModel>().Model;
    }

    [Fact]
    public void Every_unique_index_over_a_nullable_column_skips_NULLs_in_SQL_Server()
    {
        var offenders = new List<string>();
        foreach (var entity in SqlServerModel().GetEntityTypes())
        foreach (var index in entity.GetIndexes().Where(i => i.IsUnique))
        {
            var filter = index.GetFilter() ?? "";
            foreach (var column in index.Properties.Where(p => p.IsNullable).Select(p => p.GetColumnName()))
            {
                if (!filter.Contains($"[{column}] IS NOT NULL", StringComparison.OrdinalIgnoreCase))
                    offenders.Add($"{entity.GetTableName()}.{index.GetDatabaseName()} ({column}): filter '{filter}'");
            }
        }

        Assert.True(offenders.Count == 0, "唯一索引含可空列但没有 IS NOT NULL 过滤（SQL Server 只允许一个 NULL）：\n" + string.Join("\n", offenders));
    }
}

/// <summary>The scope's range as SQL Server receives it: a comparison its index on OrgUnits.Path seeks, parsed as T-SQL.</summary>
public sealed class SqlServerScopeRangeTests
{
    [Fact]
    public void Should_send_the_unit_and_below_as_a_range_on_the_path_not_a_like()
    {
        var options = new DbContextOptionsBuilder<TrainingDbContext>()
            .UseSqlServer("Server=model-only;Database=none;Integrated Security=true")
            .AddInterceptors(OrgPathRange.Instance)
            .Options;
        using var db = new TrainingDbContext(options);
        var unit = "/440100/440111/";

        var sql = db.Persons.Where(p => Training.Core.Domain.OrgPaths.IsUnder(p.Village.Path, unit)).Select(p => p.Id).ToQueryString();

        Assert.DoesNotContain("LIKE", sql);
        Assert.Contains("WHERE [o].[Path] >= @unit AND [o].[Path] < @unit + 'z'", sql);
        new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(true).Parse(new StringReader(sql), out var errors);
        Assert.Empty(errors);
    }
}
