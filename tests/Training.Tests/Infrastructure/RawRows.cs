using Microsoft.Data.Sqlite;

namespace Training.Tests.Infrastructure;

/// <summary>A SQLite table exactly as stored: every column's storage type and literal, rows by key.</summary>
public static class RawRows
{
    /// <summary>One line per row (ordered by <paramref name="orderBy"/>); Version tokens checked to be GUIDs, then masked.
    /// <paramref name="select"/> may give a column's SQL instead of its stored literal (e.g. a unit's code for its id).</summary>
    public static async Task<List<string>> ReadAsync(string file, string table, string orderBy = "\"Id\"", Func<string, string?>? select = null)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info(\"{table}\")";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(1));
        }
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {string.Join(", ", columns.Select(c => select?.Invoke(c) ?? $"typeof(\"{c}\") || ':' || quote(\"{c}\")"))} FROM \"{table}\" ORDER BY {orderBy}";
        var rows = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                rows.Add(string.Join(" | ", columns.Select((c, i) =>
                {
                    var value = reader.GetString(i);
                    if (c != "Version") return $"{c}={value}";
                    Assert.Matches("^text:'[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}'$", value);
                    return "Version=(guid)";
                })));
        return rows;
    }
}
