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

    // A declaration at column 0 in a file-scoped namespace is a top-level type; nested types are indented.
    [GeneratedRegex(@"^(public|internal)\s+((sealed|static|abstract|readonly|partial|file)\s+)*(record\s+struct|record\s+class|class|record|enum|struct|interface)\s+(?<name>\w+)")]
    private static partial Regex TopLevelType();
}
