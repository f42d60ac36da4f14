using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Training.Core.Domain;

namespace Training.Core.Data;

/// <summary>
/// Keeps <see cref="StudyHoursTotal"/> equal to the 学时 ledger summed per person and month.
/// <list type="bullet">
/// <item>Every <see cref="StudyLedgerEntry"/> added through SaveChanges is added to its row in the
/// same transaction (<see cref="TrainingDbContext"/> calls <see cref="Added"/> then <see cref="ApplyAsync"/>),
/// so the heartbeat writer, quizzes, attendance credits, reversals and imports need to call nothing.</item>
/// <item>Two web nodes adding to the same row at once: the amounts are added by the database in one
/// statement (SQLite <c>INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x</c>, SQL Server
/// <c>MERGE … WITH (HOLDLOCK)</c>), never read, changed and written back, so no increment is lost.</item>
/// <item><see cref="RebuildAsync"/> (the nightly job, and the demo seeder whose fast writer bypasses
/// EF) deletes every row and sums the ledger again in one transaction: a run killed midway leaves the
/// previous rows, a second run writes the same rows. The learning report's <see cref="LearningTally"/>
/// rows go in the same transaction (they are counted again when next asked).</item>
/// </list>
/// </summary>
public static class LedgerTotals
{
    public const string Table = "StudyHoursTotals";

    /// <summary>At most this many rows per upsert statement (5 parameters each, under SQL Server's 2,100).</summary>
    private const int RowsPerStatement = 200;

    /// <summary>One row's increment.</summary>
    public readonly record struct Delta(int Year, int PersonId, int Month, long RequiredCenti, long ElectiveCenti);

    /// <summary>The increments the ledger entries about to be inserted make, one per row, in key order (so two nodes lock rows in the same order).</summary>
    public static IReadOnlyList<Delta> Added(ChangeTracker tracker) =>
        tracker.Entries<StudyLedgerEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .GroupBy(e => (e.On.Year, e.PersonId, e.On.Month))
            .Select(g => new Delta(g.Key.Year, g.Key.PersonId, g.Key.Month,
                g.Where(e => e.Required).Sum(e => StudyHoursTotal.Centi(e.Hours)),
                g.Where(e => !e.Required).Sum(e => StudyHoursTotal.Centi(e.Hours))))
            .OrderBy(d => d.Year).ThenBy(d => d.PersonId).ThenBy(d => d.Month)
            .ToList();

    /// <summary>Adds the increments to their rows (creating missing ones) in the current transaction.</summary>
    public static async Task ApplyAsync(DbContext db, IReadOnlyList<Delta> deltas, CancellationToken ct)
    {
        foreach (var chunk in deltas.Chunk(RowsPerStatement))
        {
            var (sql, values) = Upsert(db, chunk);
            await db.Database.ExecuteSqlRawAsync(sql, values, ct);
        }
    }

    /// <summary>The same as <see cref="ApplyAsync"/>, for the synchronous SaveChanges.</summary>
    public static void Apply(DbContext db, IReadOnlyList<Delta> deltas)
    {
        foreach (var chunk in deltas.Chunk(RowsPerStatement))
        {
            var (sql, values) = Upsert(db, chunk);
            db.Database.ExecuteSqlRaw(sql, values);
        }
    }

    /// <summary>
    /// Replaces every row by the ledger summed again, all or nothing. Runs in the caller's transaction
    /// when there is one, otherwise in its own. Returns the number of rows written.
    /// </summary>
    public static async Task<int> RebuildAsync(DbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await RebuildInTransactionAsync(db, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var rows = await RebuildInTransactionAsync(db, ct);
            await tx.CommitAsync(ct);
            return rows;
        });
    }

    private static async Task<int> RebuildInTransactionAsync(DbContext db, CancellationToken ct)
    {
        // The delete comes first: from then on the rows are locked (SQLite: the whole database), so an
        // entry added meanwhile either is in the sums read below or adds itself after the commit.
        await db.Database.ExecuteSqlRawAsync(IsSqlite(db) ? "DELETE FROM \"StudyHoursTotals\"" : "DELETE FROM [StudyHoursTotals]", ct);
        var rows = await db.Database.ExecuteSqlRawAsync(IsSqlite(db) ? SqliteRebuild : SqlServerRebuild, ct);
        // The report's rows were summed from the totals just replaced: forgotten with them, counted again when asked.
        await db.Database.ExecuteSqlRawAsync(IsSqlite(db) ? "DELETE FROM \"LearningTallies\"" : "DELETE FROM [LearningTallies]", ct);
        return rows;
    }

    // Hours are kept as TEXT by SQLite (EF's decimal) and decimal(6,2) by SQL Server; two decimals at most,
    // so hundredths are whole numbers: SQLite sums them as REAL (exact to far beyond any ledger) and rounds.
    internal const string SqliteRebuild = """
        INSERT INTO "StudyHoursTotals" ("Year", "PersonId", "Month", "RequiredCenti", "ElectiveCenti")
        SELECT CAST(substr("On", 1, 4) AS INTEGER), "PersonId", CAST(substr("On", 6, 2) AS INTEGER),
               CAST(ROUND(SUM(CASE WHEN "Required" THEN CAST("Hours" AS REAL) ELSE 0 END) * 100) AS INTEGER),
               CAST(ROUND(SUM(CASE WHEN "Required" THEN 0 ELSE CAST("Hours" AS REAL) END) * 100) AS INTEGER)
        FROM "StudyLedger"
        GROUP BY substr("On", 1, 4), "PersonId", substr("On", 6, 2)
        """;

    internal const string SqlServerRebuild = """
        INSERT INTO [StudyHoursTotals] ([Year], [PersonId], [Month], [RequiredCenti], [ElectiveCenti])
        SELECT YEAR([On]), [PersonId], MONTH([On]),
               CAST(SUM(CASE WHEN [Required] = 1 THEN [Hours] ELSE 0 END) * 100 AS bigint),
               CAST(SUM(CASE WHEN [Required] = 1 THEN 0 ELSE [Hours] END) * 100 AS bigint)
        FROM [StudyLedger]
        GROUP BY YEAR([On]), [PersonId], MONTH([On])
        """;

    private static (string Sql, object[] Values) Upsert(DbContext db, IReadOnlyList<Delta> rows) => Upsert(IsSqlite(db), rows);

    /// <summary>The upsert statement for these rows and its values (5 a row).</summary>
    internal static (string Sql, object[] Values) Upsert(bool sqlite, IReadOnlyList<Delta> rows)
    {
        var values = new object[rows.Count * 5];
        var tuples = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            var d = rows[i];
            (values[5 * i], values[5 * i + 1], values[5 * i + 2], values[5 * i + 3], values[5 * i + 4]) =
                (d.Year, d.PersonId, d.Month, d.RequiredCenti, d.ElectiveCenti);
            if (i > 0) tuples.Append(", ");
            tuples.Append(CultureInfo.InvariantCulture, $"({{{5 * i}}}, {{{5 * i + 1}}}, {{{5 * i + 2}}}, {{{5 * i + 3}}}, {{{5 * i + 4}}})");
        }
        var sql = sqlite
            ? $"""
              INSERT INTO "StudyHoursTotals" ("Year", "PersonId", "Month", "RequiredCenti", "ElectiveCenti") VALUES {tuples}
              ON CONFLICT ("Year", "PersonId", "Month") DO UPDATE SET
                "RequiredCenti" = "RequiredCenti" + excluded."RequiredCenti", "ElectiveCenti" = "ElectiveCenti" + excluded."ElectiveCenti"
              """
            : $"""
              MERGE [StudyHoursTotals] WITH (HOLDLOCK) AS t
              USING (VALUES {tuples}) AS s ([Year], [PersonId], [Month], [RequiredCenti], [ElectiveCenti])
              ON t.[Year] = s.[Year] AND t.[PersonId] = s.[PersonId] AND t.[Month] = s.[Month]
              WHEN MATCHED THEN UPDATE SET t.[RequiredCenti] = t.[RequiredCenti] + s.[RequiredCenti], t.[ElectiveCenti] = t.[ElectiveCenti] + s.[ElectiveCenti]
              WHEN NOT MATCHED THEN INSERT ([Year], [PersonId], [Month], [RequiredCenti], [ElectiveCenti])
                VALUES (s.[Year], s.[PersonId], s.[Month], s.[RequiredCenti], s.[ElectiveCenti]);
              """;
        return (sql, values);
    }

    internal static bool IsSqlite(DbContext db) => db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
}
