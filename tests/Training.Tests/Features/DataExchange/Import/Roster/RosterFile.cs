using Training.Tests.Infrastructure;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpreadCheetah;
using SpreadCheetah.Styling;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.DataExchange.Import.Roster;

/// <summary>One sheet of a roster workbook: its name, header (the contract's unless given) and rows of text, numbers, dates or empty cells.</summary>
internal sealed record RosterSheet(string Name, IReadOnlyList<object?[]> Rows, IReadOnlyList<string>? Header = null);

/// <summary>Roster workbooks as a department would send them, written with SpreadCheetah.</summary>
internal static class RosterFile
{
    public static async Task<MemoryStream> WriteAsync(params RosterSheet[] sheets)
    {
        var stream = new MemoryStream();
        await using (var book = await Spreadsheet.CreateNewAsync(stream))
        {
            var date = book.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
            foreach (var sheet in sheets)
            {
                await book.StartWorksheetAsync(sheet.Name);
                await book.AddRowAsync((sheet.Header ?? RosterSheets.ColumnsOf(sheet.Name)).Select(h => new Cell(h)).ToArray());
                foreach (var row in sheet.Rows)
                    await book.AddRowAsync(row.Select(v => v switch
                    {
                        null => new Cell(),
                        int n => new Cell(n),
                        decimal m => new Cell(m),
                        DateOnly d => new Cell(d.ToDateTime(TimeOnly.MinValue), date),
                        var other => new Cell(Convert.ToString(other, CultureInfo.InvariantCulture)),
                    }).ToArray());
            }
            await book.FinishAsync();
        }
        stream.Position = 0;
        return stream;
    }

    public static RosterSheet Sheet(string name, params object?[][] rows) => new(name, rows);

    /// <summary>A valid ID number: Guangzhou 白云区 prefix, the birth date, a sequence number and its check character.</summary>
    public static string Id(DateOnly birth, int sequence)
    {
        var first17 = "440111" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (sequence % 1000).ToString("000", CultureInfo.InvariantCulture);
        return first17 + ResidentId.CheckCharacter(first17);
    }

    /// <summary>The same ID with a wrong check character.</summary>
    public static string WrongCheck(string id) => id[..17] + (id[17] == '0' ? '1' : '0');
}

/// <summary>A private, migrated, empty SQLite database with a roster importer on it.</summary>
public sealed class EmptyDatabase : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "training-roster-tests-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    public string File => Path.Combine(_folder, "roster.db");

    /// <param name="clock">The importer's clock (default: the system's), to date what an import records.</param>
    public static async Task<EmptyDatabase> CreateAsync(TimeProvider? clock = null)
    {
        var data = new EmptyDatabase();
        Directory.CreateDirectory(data._folder);
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSqliteDatabase($"Data Source={data.File}");
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddScoped<RosterImport>();
        data._services = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(data._services);
        return data;
    }

    public async Task<ImportOutcome> ImportAsync(Stream xlsx, IProgress<ImportProgress>? progress = null)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RosterImport>().RunAsync(xlsx, progress);
    }

    public async Task<T> WithDbAsync<T>(Func<TrainingDbContext, Task<T>> f)
    {
        await using var scope = _services.CreateAsyncScope();
        return await f(scope.ServiceProvider.GetRequiredService<TrainingDbContext>());
    }

    /// <summary>Every row of the roster's tables as text, in key order: equal dumps mean an unchanged database.</summary>
    public Task<string> DumpAsync() => WithDbAsync(async db =>
    {
        var text = new System.Text.StringBuilder();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in new[] { "OrgUnits", "Persons", "Posts", "EducationRecords", "Schools", "Programs", "Cohorts", "Enrollments", "EnrollmentTransitions", "Reserves" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync();
            text.Append("# ").AppendLine(table);
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    text.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                text.AppendLine();
            }
        }
        return text.ToString();
    });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
