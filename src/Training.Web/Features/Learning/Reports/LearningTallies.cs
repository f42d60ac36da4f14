using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.Learning.Reports;

/// <summary>
/// Reads the units' own learning figures from their <see cref="LearningTally"/> rows and computes again only
/// those a save has touched since (or taken on another day): a report over a city then reads a few thousand
/// rows and recounts the villages where somebody studied, instead of every person.
/// <list type="bullet">
/// <item>Missing rows are added first, empty and stale (so that a save after that raises them).</item>
/// <item>The stale rows' versions are read before their figures are computed; the figures are written back
/// only where the version is still the one read. A save that came in between leaves the row stale, and the
/// next report counts it again: a kept row is never older than the data.</item>
/// <item>Writes go through their own SQL, never SaveChanges, so a report leaves anything else the request's
/// context tracks alone.</item>
/// </list>
/// </summary>
public sealed class LearningTallies(TrainingDbContext db, LearningReport report, ILogger? log = null)
{
    /// <summary>Rows per SQL Server UPDATE statement (12 parameters each, under its 2,100).</summary>
    private const int RowsPerStatement = 100;

    /// <summary>Villages per recount query when only some are stale, and per step of the nightly recount (500 or 2,000: the same time, 48 s at province scale).</summary>
    private const int UnitsPerQuery = 500;

    /// <summary>The own figures of every unit of <paramref name="unitIds"/> (the units under <paramref name="path"/>), current on <paramref name="day"/>.</summary>
    public async Task<Dictionary<int, UnitTally>> CurrentAsync(string path, IReadOnlyCollection<int> unitIds, int year, DateOnly day, CancellationToken ct)
    {
        var rows = await ReadAsync(path, year, ct);
        if (unitIds.Any(id => !rows.ContainsKey(id)))
        {
            await AddMissingAsync(path, year, ct);
            rows = await ReadAsync(path, year, ct);
        }
        var result = rows.Values.Where(r => r.IsCurrent(day)).ToDictionary(r => r.UnitId, r => new UnitTally
        {
            Figures = new LearningFigures(r.Learners, r.Cadres, r.Reserves, r.Members, r.TotalCenti, r.RequiredCenti, r.Reached, r.NotStarted, r.Overdue),
            MonthsCenti = r.MonthsCenti,
        });
        var stale = unitIds.Where(id => !result.ContainsKey(id)).ToList();
        if (stale.Count == 0) return result;

        var computed = await RecountAsync(path, stale, unitIds.Count, year, day, ct);
        var kept = new List<(LearningTally Row, UnitTally Tally)>();
        foreach (var id in stale)
        {
            var tally = result[id] = computed.GetValueOrDefault(id) ?? new UnitTally();
            if (rows.TryGetValue(id, out var row)) kept.Add((row, tally));
        }
        await WriteBackAsync(kept, year, day, mustKeep: false, ct);
        return result;
    }

    /// <summary>
    /// Every unit of the year computed again from the ledger aggregates and kept (the nightly job), <see cref="UnitsPerQuery"/>
    /// units at a time so that its memory follows a step, not the province.
    /// </summary>
    public async Task<int> RecountAllAsync(int year, DateOnly day, CancellationToken ct)
    {
        await AddMissingAsync("/", year, ct);
        var rows = await ReadAsync("/", year, ct);
        foreach (var chunk in rows.Keys.Order().Chunk(UnitsPerQuery))
        {
            var computed = await report.ComputeOwnAsync(persons => persons.Where(p => chunk.Contains(p.VillageId)), year, day, ct);
            await WriteBackAsync(chunk.Select(id => (rows[id], computed.GetValueOrDefault(id) ?? new UnitTally())).ToList(), year, day, mustKeep: true, ct);
        }
        return rows.Count;
    }

    /// <summary>The stale units' figures: all the persons under the path at once when most are stale, else the stale villages' persons in chunks.</summary>
    private async Task<Dictionary<int, UnitTally>> RecountAsync(string path, List<int> stale, int units, int year, DateOnly day, CancellationToken ct)
    {
        if (stale.Count * 2 > units)
            return await report.ComputeOwnAsync(persons => persons.Where(p => OrgPaths.IsUnder(p.Village.Path, path)), year, day, ct);
        var result = new Dictionary<int, UnitTally>();
        foreach (var chunk in stale.Chunk(UnitsPerQuery))
            foreach (var (id, tally) in await report.ComputeOwnAsync(persons => persons.Where(p => chunk.Contains(p.VillageId)), year, day, ct))
                result[id] = tally;
        return result;
    }

    private Task<Dictionary<int, LearningTally>> ReadAsync(string path, int year, CancellationToken ct) =>
        db.LearningTallies.AsNoTracking()
            .Where(t => t.Year == year && db.OrgUnits.Any(u => u.Id == t.UnitId && OrgPaths.IsUnder(u.Path, path)))
            .ToDictionaryAsync(t => t.UnitId, ct);

    /// <summary>A stale, empty row for every unit under the path that has none (two reports at once: each row once).</summary>
    private Task AddMissingAsync(string path, int year, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(AddMissingSql(db.Database.IsSqlite()), [year, path, LearningTally.MonthsText(new long[12])], ct);

    /// <summary>The statement of <see cref="AddMissingAsync"/> ({0} year, {1} path, {2} empty months).</summary>
    internal static string AddMissingSql(bool sqlite) => sqlite
            ? """
              INSERT OR IGNORE INTO "LearningTallies" ("Year", "UnitId", "Version", "ComputedVersion", "Day", "Learners", "Cadres", "Reserves", "Members",
                  "TotalCenti", "RequiredCenti", "Reached", "NotStarted", "Overdue", "MonthsCenti")
              SELECT {0}, "Id", 0, -1, '0001-01-01', 0, 0, 0, 0, 0, 0, 0, 0, 0, {2}
              FROM "OrgUnits" WHERE substr("Path", 1, length({1})) = {1}
              """
            : """
              INSERT INTO [LearningTallies] ([Year], [UnitId], [Version], [ComputedVersion], [Day], [Learners], [Cadres], [Reserves], [Members],
                  [TotalCenti], [RequiredCenti], [Reached], [NotStarted], [Overdue], [MonthsCenti])
              SELECT {0}, o.[Id], 0, -1, '0001-01-01', 0, 0, 0, 0, 0, 0, 0, 0, 0, {2}
              FROM [OrgUnits] AS o
              WHERE LEFT(o.[Path], LEN({1})) = {1}
                AND NOT EXISTS (SELECT 1 FROM [LearningTallies] AS t WITH (UPDLOCK, HOLDLOCK) WHERE t.[Year] = {0} AND t.[UnitId] = o.[Id])
              """;

    /// <summary>
    /// Keeps the figures on the rows whose version is still the one read; the others stay stale. SQLite: one
    /// prepared UPDATE a row (3,041 rows in 10 ms, where statements of 100 rows took 340 ms); SQL Server:
    /// 100 rows a statement (one round trip each).
    /// A report whose figures could not be kept (a lock, a deadlock victim) still answers with them and logs a
    /// warning: the rows stay stale and the next report counts them again. The nightly job (<paramref name="mustKeep"/>)
    /// fails instead, to be retried.
    /// </summary>
    private async Task WriteBackAsync(List<(LearningTally Row, UnitTally Tally)> kept, int year, DateOnly day, bool mustKeep, CancellationToken ct)
    {
        if (kept.Count == 0) return;
        if (db.Database.CurrentTransaction is not null)
        {
            await WriteAsync(kept, year, day, ct);
            return;
        }
        try
        {
            // SQL Server's retrying strategy takes user transactions only inside it; the statements are conditional, so a retry is harmless.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await WriteAsync(kept, year, day, ct);
                await tx.CommitAsync(ct);
            });
        }
        catch (Exception ex) when (!mustKeep && !ct.IsCancellationRequested && ex is DbException or RetryLimitExceededException)
        {
            log?.LogWarning(ex, ReportTexts.NotKeptLog, kept.Count, year);
        }
    }

    private async Task WriteAsync(List<(LearningTally Row, UnitTally Tally)> kept, int year, DateOnly day, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await WriteRowsAsync(kept, year, day, ct);
            return;
        }
        foreach (var chunk in kept.Chunk(RowsPerStatement))
        {
            var (sql, values) = Update(chunk, year, day);
            await db.Database.ExecuteSqlRawAsync(sql, values, ct);
        }
    }

    private async Task WriteRowsAsync(List<(LearningTally Row, UnitTally Tally)> kept, int year, DateOnly day, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"""
            UPDATE "LearningTallies" SET "ComputedVersion" = $Version, "Day" = $Day, {string.Join(", ", Figures.Select(n => $"\"{n}\" = ${n}"))}
            WHERE "Year" = $Year AND "UnitId" = $UnitId AND "Version" = $Version
            """;
        var parameters = new[] { "Year", "Day", "UnitId", "Version" }.Concat(Figures).ToDictionary(n => n, n =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "$" + n;
            command.Parameters.Add(p);
            return p;
        });
        (parameters["Year"].Value, parameters["Day"].Value) = (year, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var (row, tally) in kept)
        {
            var values = Values(row, tally);
            parameters["UnitId"].Value = values[0];
            parameters["Version"].Value = values[1];
            for (var i = 0; i < Figures.Length; i++) parameters[Figures[i]].Value = values[2 + i];
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The figures' columns, in the order of <see cref="Values"/> after the unit and the version.</summary>
    private static readonly string[] Figures = ["Learners", "Cadres", "Reserves", "Members", "TotalCenti", "RequiredCenti", "Reached", "NotStarted", "Overdue", "MonthsCenti"];

    private static object[] Values(LearningTally row, UnitTally tally)
    {
        var f = tally.Figures;
        return [row.UnitId, row.Version, f.Learners, f.Cadres, f.Reserves, f.Members, f.TotalCenti, f.RequiredCenti, f.Reached, f.NotStarted, f.Overdue,
            LearningTally.MonthsText(tally.MonthsCenti)];
    }

    /// <summary>The SQL Server write-back statement for these rows and its values ({0} year, {1} day, then 12 a row).</summary>
    internal static (string Sql, object[] Values) Update(IReadOnlyList<(LearningTally Row, UnitTally Tally)> rows, int year, DateOnly day)
    {
        var values = new List<object> { year, day };
        var tuples = new StringBuilder();
        foreach (var (row, tally) in rows)
        {
            var first = values.Count;
            var own = Values(row, tally);
            values.AddRange(own);
            if (tuples.Length > 0) tuples.Append(", ");
            tuples.Append('(').AppendJoin(", ", Enumerable.Range(first, own.Length).Select(i => $"{{{i}}}")).Append(')');
        }
        string[] columns = ["UnitId", "Version", .. Figures];
        var sql = $$"""
            UPDATE t SET t.[ComputedVersion] = v.[Version], t.[Day] = {1}, {{string.Join(", ", Figures.Select(n => $"t.[{n}] = v.[{n}]"))}}
            FROM [LearningTallies] AS t
            INNER JOIN (VALUES {{tuples}}) AS v ({{string.Join(", ", columns.Select(n => $"[{n}]"))}})
              ON t.[Year] = {0} AND t.[UnitId] = v.[UnitId] AND t.[Version] = v.[Version]
            """;
        return (sql, values.ToArray());
    }
}
