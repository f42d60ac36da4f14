using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;

namespace Training.Tests.Data;

/// <summary>"A unit and everything below it" as the database is asked it: a range on OrgUnits.Path, found through its index.</summary>
[Collection(AppCollection.Name)]
public sealed class OrgPathRangeTests(AppFixture app)
{
    [Fact]
    public async Task Should_find_exactly_the_persons_whose_village_path_starts_with_the_units_for_every_unit()
    {
        var (units, persons) = await app.WithDbAsync(async db => (
            await db.OrgUnits.AsNoTracking().Select(u => u.Path).ToListAsync(),
            await db.Persons.AsNoTracking().Select(p => new { p.Id, p.Village.Path }).ToListAsync()));

        var sent = await app.WithDbAsync(async db =>
        {
            var counts = new Dictionary<string, int>();
            foreach (var path in units)
                counts[path] = await db.Persons.CountAsync(p => OrgPaths.IsUnder(p.Village.Path, path));
            return counts;
        });

        Assert.NotEmpty(units);
        foreach (var path in units)
            Assert.Equal(persons.Count(p => p.Path.StartsWith(path, StringComparison.Ordinal)), sent[path]);
    }

    [Fact]
    public async Task Should_send_a_range_the_path_index_answers_instead_of_a_like_that_reads_every_unit()
    {
        var plan = await app.WithDbAsync(async db =>
        {
            var township = await db.OrgUnits.AsNoTracking().Where(u => u.Level == OrgLevel.Township).Select(u => u.Path).FirstAsync();
            var sql = db.Persons.Where(p => OrgPaths.IsUnder(p.Village.Path, township)).Select(p => p.Id).ToQueryString();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            // ToQueryString declares the parameters as .param set lines; bind the one it uses instead.
            var body = string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
            command.CommandText = "EXPLAIN QUERY PLAN " + body;
            foreach (var name in System.Text.RegularExpressions.Regex.Matches(body, @"@\w+").Select(m => m.Value).Distinct())
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = township;
                command.Parameters.Add(p);
            }
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(3));
            return (sql, rows);
        });

        Assert.DoesNotContain("LIKE", plan.sql);
        Assert.Contains(plan.rows, r => r.Contains("IX_OrgUnits_Path", StringComparison.Ordinal) && r.StartsWith("SEARCH", StringComparison.Ordinal));
    }
}
