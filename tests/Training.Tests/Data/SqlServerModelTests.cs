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
