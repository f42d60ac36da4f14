using Microsoft.Data.Sqlite;

namespace Training.Tests.CommandLine;

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

    private Task<AppProcess.Run> RunAsync(params string[] args) => AppProcess.RunAsync(_folder, args);
}
