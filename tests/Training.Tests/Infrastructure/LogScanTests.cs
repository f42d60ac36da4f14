using System.Text.RegularExpressions;
using Training.Core.Domain;
using Training.Tests.Shared;

namespace Training.Tests.Infrastructure;

/// <summary>
/// Issue 16 §6 (PIPL Art. 51): no full ID number in any log. test.sh gives every host of the run a log file
/// (<see cref="LogFile"/>) and, once every test project has run, runs this class again over the whole folder; in the
/// main run it reads what was logged so far. A candidate is anything of 18 characters that parses as a resident ID
/// (check character, province, date): a masked one (440103********123X) never does.
/// </summary>
public sealed partial class LogScanTests
{
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-8][0-9]{16}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex Candidate();

    public static IEnumerable<string> FullIdNumbers(string text) =>
        Candidate().Matches(text).Select(m => m.Value).Where(v => ResidentId.TryParse(v, DateOnly.MaxValue, out _, out _));

    [Fact]
    public void The_scan_finds_a_full_ID_number_and_passes_a_masked_one()
    {
        var full = "44010319800101" + "123";
        full += ResidentId.CheckCharacter(full);

        Assert.Equal([full], FullIdNumbers($"导入 {full} 失败；{ResidentId.Mask(full)} 已更新；job 638712345678901234"));
    }

    [Fact]
    public void No_log_line_of_the_test_run_holds_a_full_ID_number()
    {
        var folder = Environment.GetEnvironmentVariable(LogFile.FolderVariable);
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder)) return; // a developer's run keeps no log files

        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.log"))
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                foreach (var id in FullIdNumbers(line))
                    found.Add($"{Path.GetFileName(file)}:{number}: {line.Replace(id, ResidentId.Mask(id), StringComparison.Ordinal)}");
            }
        }

        Assert.True(found.Count == 0, $"日志中有完整身份证号（{found.Count} 处，此处已遮蔽）：\n" + string.Join("\n", found.Take(20)));
    }
}
