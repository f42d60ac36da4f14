using Microsoft.Data.Sqlite;
using SpreadCheetah;
using Training.Core.Domain;
using Training.Tests.CommandLine;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Web.Features.Learning.Offline;

namespace Training.Tests.Features.Learning.Offline;

/// <summary><c>import-hours FILE</c> run as a process of the built app, on a database of its own that the <c>import</c> verb filled.</summary>
public sealed class ImportHoursVerbTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "training-hours-" + Guid.NewGuid().ToString("N"));
    private static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);

    public ImportHoursVerbTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Should_import_hours_print_the_counts_and_change_nothing_the_second_time()
    {
        var (a, b) = await RosterAsync();
        await WriteAsync("线下学时.xlsx", [a, Day, 4, "必修", "专题培训", "荔湾区委组织部"], [a, Day, 1.5, "选修", "现场教学", "测试街道党工委"], [b, Day, 8, "必修", "专题培训", "荔湾区委组织部"]);

        var first = await RunAsync("import-hours", "线下学时.xlsx");
        var second = await RunAsync("import-hours", "线下学时.xlsx");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("线下学时：新增 3，更新 0，未变 0", first.Stdout);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("线下学时：新增 0，更新 0，未变 3", second.Stdout);
        Assert.Equal(3L, await ScalarAsync("SELECT COUNT(*) FROM OfflineStudyRecords"));
        Assert.Equal(3L, await ScalarAsync($"SELECT COUNT(*) FROM StudyLedger WHERE Source = {(int)StudySource.Offline} AND SourceId IN (SELECT Id FROM OfflineStudyRecords)"));
        Assert.Equal(2L, await ScalarAsync("SELECT COUNT(*) FROM Audit WHERE Action = '线下学时导入' AND Detail LIKE '线下学时.xlsx：导入成功，%' AND UserName LIKE '命令行%'"));
    }

    [Fact]
    public async Task Should_print_every_bad_row_on_stderr_exit_nonzero_and_write_nothing()
    {
        var (a, _) = await RosterAsync();
        var wrongCheck = a[..17] + (a[17] == '0' ? '1' : '0');
        await WriteAsync("bad.xlsx", [a, Day, 4, "必修", "专题培训", "荔湾区委组织部"], [wrongCheck, Day, 4, "必修", "专题培训", "荔湾区委组织部"], [a, Day, 0.3, "选修", "现场教学", "测试街道党工委"]);

        var run = await RunAsync("import-hours", "bad.xlsx");

        Assert.Equal(1, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("线下学时 第3行 身份证号：", StringComparison.Ordinal) && l.Contains("校验"));
        Assert.Contains(lines, l => l.StartsWith("线下学时 第4行 学时：", StringComparison.Ordinal));
        Assert.DoesNotContain("新增", run.Stdout);
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM OfflineStudyRecords"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM StudyLedger"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM Audit WHERE Action = '线下学时导入' AND Detail LIKE 'bad.xlsx：有 2 处错误，未做任何修改'"));
    }

    [Theory]
    [InlineData(new string[0], "请指定要导入的线下学时文件")]
    [InlineData(new[] { "a.xlsx", "b.xlsx" }, "用法：import-hours 文件.xlsx")]
    public async Task Should_show_the_usage_for_anything_but_one_file(string[] options, string message)
    {
        var run = await RunAsync(["import-hours", .. options]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Stderr);
    }

    /// <summary>A city, district, township and village, and two persons of the village, through the <c>import</c> verb; their ID numbers.</summary>
    private async Task<(string A, string B)> RosterAsync()
    {
        var a = IdNumber(new DateOnly(1986, 3, 15), 112);
        var b = IdNumber(new DateOnly(1979, 11, 2), 341);
        await using (var file = File.Create(Path.Combine(_folder, "花名册.xlsx")))
        await using (var book = await Spreadsheet.CreateNewAsync(file))
        {
            await book.StartWorksheetAsync(RosterSheets.Org);
            await AddAsync(book, [.. RosterSheets.OrgColumns]);
            await AddAsync(book, ["440100", "广州市", "市", null, null]);
            await AddAsync(book, ["440103", "荔湾区", "区", "440100", null]);
            await AddAsync(book, ["440103001", "测试街道", "镇街", "440103", null]);
            await AddAsync(book, ["440103001001", "测试社区", "村社区", "440103001", "社区"]);
            await book.StartWorksheetAsync(RosterSheets.Persons);
            await AddAsync(book, [.. RosterSheets.PersonColumns]);
            await AddAsync(book, [a, "何嘉明", null, "中共党员", "高中/中专", "440103001001"]);
            await AddAsync(book, [b, "梁晓彤", null, "中共党员", "大专", "440103001001"]);
            await book.FinishAsync();
        }
        var roster = await RunAsync("import", "花名册.xlsx");
        Assert.True(roster.ExitCode == 0, roster.Stderr);
        return (a, b);
    }

    private async Task WriteAsync(string name, params object?[][] rows)
    {
        await using var file = File.Create(Path.Combine(_folder, name));
        await using var book = await Spreadsheet.CreateNewAsync(file);
        await book.StartWorksheetAsync(OfflineColumns.Sheet);
        await AddAsync(book, [.. OfflineColumns.All]);
        foreach (var row in rows) await AddAsync(book, row);
        await book.FinishAsync();
    }

    private static async Task AddAsync(Spreadsheet book, object?[] row)
    {
        var date = book.AddStyle(new SpreadCheetah.Styling.Style { Format = SpreadCheetah.Styling.NumberFormat.Custom("yyyy-mm-dd") });
        await book.AddRowAsync(row.Select(v => v switch
        {
            null => new Cell(),
            int n => new Cell(n),
            double d => new Cell(d),
            DateOnly d => new Cell(d.ToDateTime(TimeOnly.MinValue), date),
            var other => new Cell((string)other),
        }).ToArray());
    }

    private static string IdNumber(DateOnly birth, int sequence)
    {
        var first17 = $"440103{birth:yyyyMMdd}{sequence:000}";
        return first17 + ResidentId.CheckCharacter(first17);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={AppProcess.DbFile(_folder)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<AppProcess.Run> RunAsync(params string[] args) => AppProcess.RunAsync(_folder, args);
}
