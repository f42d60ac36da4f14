using Microsoft.Data.Sqlite;
using SpreadCheetah;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Import.Roster;

using Training.Tests.CommandLine;

namespace Training.Tests.Features.DataExchange.Import;

/// <summary><c>import FILE</c> run as a process of the built app, in a folder and on a database of its own (issue 6 point 4).</summary>
public sealed class ImportVerbTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "training-import-" + Guid.NewGuid().ToString("N"));

    public ImportVerbTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Should_say_which_file_is_missing_and_exit_nonzero()
    {
        var run = await RunAsync("import", "花名册.xlsx");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("找不到文件“花名册.xlsx”", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Should_refuse_a_file_that_is_no_xlsx_and_leave_the_database_alone()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "花名册.xlsx"), "身份证号,姓名\n440111198603159110,何嘉明\n");

        var run = await RunAsync("import", "花名册.xlsx");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("文件“花名册.xlsx”不是有效的 Excel 工作簿（.xlsx）", run.Stderr);
        Assert.False(File.Exists(AppProcess.DbFile(_folder)), "a refused file must not even create the database");
    }

    [Theory]
    [InlineData(new string[0], "请指定要导入的花名册文件")]
    [InlineData(new[] { "a.xlsx", "b.xlsx" }, "用法：import 文件.xlsx")]
    [InlineData(new[] { "--dry-run" }, "用法：import 文件.xlsx")]
    public async Task Should_show_the_usage_for_anything_but_one_file(string[] options, string message)
    {
        var run = await RunAsync(["import", .. options]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Stderr);
    }

    [Fact]
    public async Task Should_list_the_import_verb_in_the_usage()
    {
        var run = await RunAsync("help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("import 文件.xlsx", run.Stdout);
    }

    [Fact]
    public async Task Should_print_every_bad_row_on_stderr_and_write_nothing()
    {
        var secretary = IdNumber("440103", new DateOnly(1986, 3, 15), 112);
        var wrongCheck = secretary[..17] + (secretary[17] == '0' ? '1' : '0');
        await WriteRosterAsync("bad.xlsx", new()
        {
            [RosterSheets.Org] = [["440100", "广州市", "市", null, null], ["440103", "越秀区", "大区", "440100", null]],
            [RosterSheets.Persons] = [[wrongCheck, "何嘉明", null, "中共党员", "高中/中专", "440103001001"]],
        });

        var run = await RunAsync("import", "bad.xlsx");

        Assert.True(run.ExitCode != 0, run.Stdout);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("组织 第3行 层级：", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("人员 第2行 身份证号：", StringComparison.Ordinal) && l.Contains("校验"));
        Assert.DoesNotContain("新增", run.Stdout);
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM OrgUnits"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM Persons"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM Audit WHERE Action = '花名册导入' AND Detail LIKE 'bad.xlsx：有 % 处错误，未做任何修改'"));
    }

    [Fact]
    public async Task Should_import_a_roster_print_the_counts_per_sheet_and_change_nothing_the_second_time()
    {
        var secretary = IdNumber("440103", new DateOnly(1986, 3, 15), 112);
        var reserve = IdNumber("440103", new DateOnly(1992, 8, 22), 902);
        await WriteRosterAsync("花名册.xlsx", new()
        {
            [RosterSheets.Org] =
            [
                ["440100", "广州市", "市", null, null],
                ["440103", "荔湾区", "区", "440100", null],
                ["440103001", "测试街道", "镇街", "440103", null],
                ["440103001001", "测试社区", "村社区", "440103001", "社区"],
            ],
            [RosterSheets.Persons] =
            [
                [secretary, "何嘉明", "13800138000", "中共党员", "高中/中专", "440103001001"],
                [reserve, "梁晓彤", null, "共青团员", "大专", "440103001001"],
            ],
            [RosterSheets.Posts] = [[secretary, "440103001001", "党组织书记", new DateOnly(2021, 1, 1), null]],
            [RosterSheets.Enrollments] =
                [[secretary, 2020, "大专", "广州城市职业学院", "农村经济管理", "已毕业", new DateOnly(2022, 7, 1), 7500, 4500, 1500, 1500]],
            [RosterSheets.Reserves] = [[reserve, "440103001001", "书记后备", "已入库", new DateOnly(2023, 3, 1)]],
            [RosterSheets.KeyPosts] = [["440103001001", 2]],
        });

        var first = await RunAsync("import", "花名册.xlsx");
        var second = await RunAsync("import", "花名册.xlsx");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.DoesNotMatch(@"第\d+行", first.Stderr); // no error line
        Assert.Contains("组织：新增 4，更新 0，未变 0", first.Stdout);
        Assert.Contains("人员：新增 2，更新 0，未变 0", first.Stdout);
        Assert.Contains("职务：新增 1，更新 0，未变 0", first.Stdout);
        Assert.Contains("学历教育：新增 1，更新 0，未变 0", first.Stdout);
        Assert.Contains("后备：新增 1，更新 0，未变 0", first.Stdout);
        Assert.Contains("关键岗位：", first.Stdout);
        Assert.True(second.ExitCode == 0, second.Stderr);
        foreach (var (sheet, rows) in new[] { ("组织", 4), ("人员", 2), ("职务", 1), ("学历教育", 1), ("后备", 1), ("关键岗位", 1) })
            Assert.Contains($"{sheet}：新增 0，更新 0，未变 {rows}", second.Stdout);

        Assert.Equal(4L, await ScalarAsync("SELECT COUNT(*) FROM OrgUnits"));
        Assert.Equal(2L, await ScalarAsync("SELECT KeyPosts FROM OrgUnits WHERE Code = '440103001001'"));
        Assert.Equal((long)Education.Associate, await ScalarAsync($"SELECT Education FROM Persons WHERE Name = '何嘉明'"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM Enrollments WHERE State = " + (int)EnrollmentState.Graduated));
        Assert.Equal(2L, await ScalarAsync("SELECT COUNT(*) FROM Audit WHERE Action = '花名册导入' AND Detail LIKE '花名册.xlsx：导入成功，%' AND UserName LIKE '命令行%'"));
        Assert.True(await ScalarAsync("SELECT COUNT(*) FROM Job", Path.Combine(_folder, "hangfire.db")) >= 1, "the statistics snapshot job was not queued");
    }

    /// <summary>A valid resident ID number with its check character.</summary>
    private static string IdNumber(string county, DateOnly birth, int sequence)
    {
        var first17 = $"{county}{birth:yyyyMMdd}{sequence:000}";
        return first17 + ResidentId.CheckCharacter(first17);
    }

    /// <summary>A roster workbook with the given sheets (in the contract's order), each with its contractual header.</summary>
    private async Task WriteRosterAsync(string name, Dictionary<string, object?[][]> sheets)
    {
        await using var file = File.Create(Path.Combine(_folder, name));
        await using var book = await Spreadsheet.CreateNewAsync(file);
        var date = book.AddStyle(new SpreadCheetah.Styling.Style { Format = SpreadCheetah.Styling.NumberFormat.Custom("yyyy-mm-dd") });
        foreach (var sheet in RosterSheets.InOrder.Where(sheets.ContainsKey))
        {
            await book.StartWorksheetAsync(sheet);
            await book.AddRowAsync(RosterSheets.ColumnsOf(sheet).Select(h => new Cell(h)).ToArray());
            foreach (var row in sheets[sheet])
                await book.AddRowAsync(row.Select(v => v switch
                {
                    null => new Cell(),
                    int n => new Cell(n),
                    DateOnly d => new Cell(d.ToDateTime(TimeOnly.MinValue), date),
                    var other => new Cell((string)other),
                }).ToArray());
        }
        await book.FinishAsync();
    }

    private async Task<long> ScalarAsync(string sql, string? file = null)
    {
        await using var connection = new SqliteConnection($"Data Source={file ?? AppProcess.DbFile(_folder)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<AppProcess.Run> RunAsync(params string[] args) => AppProcess.RunAsync(_folder, args);
}
