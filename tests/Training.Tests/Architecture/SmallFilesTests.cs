using System.Text.RegularExpressions;

namespace Training.Tests.Architecture;

/// <summary>
/// Files stay small enough to read at once: the domain and its EF configurations hold one type
/// per file, named after it, so the file list is the model's index.
/// </summary>
public sealed partial class SmallFilesTests
{
    private static readonly string Root = LayeringTests.RepositoryRoot();

    [Theory]
    [InlineData("src/Training.Core/Domain")]
    [InlineData("src/Training.Core/Data/Configurations")]
    public void Each_file_of_the_domain_declares_one_type_named_after_it(string folder)
    {
        var wrong = Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Select(file => (file, types: File.ReadLines(file).Select(l => TopLevelType().Match(l)).Where(m => m.Success)
                .Select(m => m.Groups["name"].Value).ToList()))
            .Where(x => x.types.Count != 1 || x.types[0] != Path.GetFileNameWithoutExtension(x.file))
            .Select(x => $"{Path.GetRelativePath(Root, x.file)}: {string.Join(", ", x.types)}")
            .ToList();

        Assert.True(wrong.Count == 0, "Files that do not hold exactly one type of their own name:\n" + string.Join("\n", wrong));
    }

    /// <summary>No hand-written file in src/ over 400 lines: generated migrations and vendored libraries aside.</summary>
    [Fact]
    public void No_hand_written_file_in_src_is_over_400_lines()
    {
        string[] kinds = [".cs", ".cshtml", ".js", ".css"];
        var sep = Path.DirectorySeparatorChar;
        var tooLong = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*", SearchOption.AllDirectories)
            .Where(f => kinds.Contains(Path.GetExtension(f)))
            .Where(f => !new[] { $"{sep}obj{sep}", $"{sep}bin{sep}", $"{sep}Migrations{sep}", $"{sep}wwwroot{sep}lib{sep}" }.Any(f.Contains))
            .Select(f => (f, lines: File.ReadLines(f).Count()))
            .Where(x => x.lines > 400)
            .Select(x => $"{Path.GetRelativePath(Root, x.f)}: {x.lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, "Files over 400 lines (split them by action or by part):\n" + string.Join("\n", tooLong));
    }

    // A declaration at column 0 in a file-scoped namespace is a top-level type; nested types are indented.
    [GeneratedRegex(@"^(public|internal)\s+((sealed|static|abstract|readonly|partial|file)\s+)*(record\s+struct|record\s+class|class|record|enum|struct|interface)\s+(?<name>\w+)")]
    private static partial Regex TopLevelType();
}
