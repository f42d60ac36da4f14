using Microsoft.Data.Sqlite;
using Training.Tests.Features.Statistics;
using Training.Web.Infrastructure;

using Training.Tests.CommandLine;

namespace Training.Tests.Features.Statistics.Export;

/// <summary><c>export-stats</c> run as a process of the built app, in a folder and on a database of its own.</summary>
public sealed class ExportStatsVerbTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "training-export-" + Guid.NewGuid().ToString("N"));

    public ExportStatsVerbTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Should_write_the_city_report_of_today_into_the_working_folder_by_default()
    {
        Assert.Equal(0, (await RunAsync("create-admin", "--user", "admin", "--password", "Str0ng!pass-12")).ExitCode);

        var run = await RunAsync("export-stats");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var expected = $"培训统计_440100_{TimeProvider.System.Today():yyyyMMdd}.xlsx";
        Assert.True(File.Exists(Path.Combine(_folder, expected)), $"{expected} missing; folder has: {string.Join(", ", Directory.GetFiles(_folder).Select(Path.GetFileName))}");
        var book = Xlsx.Read(await File.ReadAllBytesAsync(Path.Combine(_folder, expected)));
        Assert.Equal(["汇总", "分区统计", "年度招生", "报名名单"], book.Sheets.Select(s => s.Name)); // no learning data: no 学时统计
        Assert.EndsWith("（440100）", book["汇总"][2].Text(1));
        Assert.Equal(0d, book["汇总"][4].Number(1));
        Assert.Null(book["汇总"][9][1]); // no secretaries: the share is left empty
    }

    [Fact]
    public async Task Should_write_the_demo_figures_for_a_chosen_date_to_a_chosen_file_with_ids_masked_on_request()
    {
        Assert.Equal(0, (await RunAsync("seed-demo")).ExitCode);

        var full = await RunAsync("export-stats", "--scope", "440100", "--as-of", "2019-12-31", "--out", "full.xlsx");
        var masked = await RunAsync("export-stats", "--as-of", "2019-12-31", "--out", "masked.xlsx", "--masked");

        Assert.True(full.ExitCode == 0, full.Stderr);
        Assert.True(masked.ExitCode == 0, masked.Stderr);
        var book = Xlsx.Read(await File.ReadAllBytesAsync(Path.Combine(_folder, "full.xlsx")));
        var summary = book["汇总"];
        Assert.Equal(new DateTime(2019, 12, 31), summary[3][1]);
        Assert.Equal(11_065d, summary[4].Number(1));
        Assert.Equal(5_233d, summary[5].Number(1));
        Assert.Equal(0.780, summary[9].Number(1), 3);
        Assert.Equal(0.670, summary[12].Number(1), 3);
        Assert.Equal(14_040d, summary[13].Number(1));
        Assert.Equal(5_500d, summary[14].Number(1));
        var hours = book["学时统计"];
        Assert.Equal(["代码", "名称", "应学人数", "人均学时", "人均必修学时", "达标人数", "学时达标率", "未开始学习人数"], hours[1].Values.Cast<string>());
        Assert.Equal(11, hours.Rows.Count - 1); // the city's eleven districts
        var ids = book["报名名单"].Rows.Skip(1).Select(r => r.Text(0)).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Matches("^[0-9]{17}[0-9X]$", id));
        var maskedIds = Xlsx.Read(await File.ReadAllBytesAsync(Path.Combine(_folder, "masked.xlsx")))["报名名单"].Rows.Skip(1).Select(r => r.Text(0)).ToList();
        Assert.Equal(ids.Count, maskedIds.Count);
        Assert.All(maskedIds, id => Assert.Matches(@"^[0-9]{6}\*{8}[0-9]{3}[0-9X]$", id));
    }

    [Theory]
    [InlineData("--scope", "999999", "999999")]
    [InlineData("--scope", "440111103", "440111103")] // a township is not a report scope
    [InlineData("--as-of", "2019-13-01", "yyyy-MM-dd")]
    [InlineData("--scope", "--masked", "--scope")] // an option without its value
    [InlineData("--scpoe", "440100", "--scpoe")]
    public async Task Should_refuse_an_unknown_scope_or_a_bad_date_with_a_message_and_nonzero_exit(string option, string value, string message)
    {
        Assert.Equal(0, (await RunAsync("create-admin", "--user", "admin", "--password", "Str0ng!pass-12")).ExitCode);

        var run = await RunAsync("export-stats", option, value);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Empty(Directory.GetFiles(_folder, "*.xlsx"));
    }

    private Task<AppProcess.Run> RunAsync(params string[] args) => AppProcess.RunAsync(_folder, args);
}
