using System.Text.RegularExpressions;

namespace Training.Tests.Architecture;

/// <summary>
/// What a user reads is written in one place per module, so that wording can be reviewed as a
/// whole: every Chinese string of a module's code lives in its Texts file(s) (plus CommonTexts),
/// and spreadsheet headers in the sheet-layout files. The demo's data files hold data, not
/// wording, and views keep their own markup.
/// </summary>
public sealed partial class UserTextsTests
{
    private static readonly string Features = Path.Combine(LayeringTests.RepositoryRoot(), "src", "Training.Web", "Features");

    [Fact]
    public void Strings_a_user_reads_live_in_the_texts_files()
    {
        var found = Offending()
            .Select(x => $"{x.Rel}:{x.Number}: {x.Line.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, $"{found.Count} lines with Chinese outside the Texts files:\n" + string.Join("\n", found));
    }

    private static IEnumerable<(string Rel, string Line, int Number)> Offending() =>
        Directory.EnumerateFiles(Features, "*.cs", SearchOption.AllDirectories)
            .Select(f => (File: f, Rel: Path.GetRelativePath(Features, f).Replace('\\', '/')))
            .Where(f => !IsTexts(f.Rel) && !IsLayout(f.Rel) && !DemoData.Any(d => f.Rel.StartsWith(d, StringComparison.Ordinal)))
            .SelectMany(f => File.ReadLines(f.File).Select((line, i) => (f.Rel, Line: line, Number: i + 1)))
            .Where(x => ChineseLiteral().IsMatch(CodeOf(x.Line)));

    /// <summary>The demo's data files: names of people, units, schools and classes, comments of evaluations (what loading it says is in DemoTexts).</summary>
    private static readonly string[] DemoData =
    [
        "Demo/DemoCatalog.cs", "Demo/DemoData.cs", "Demo/DemoDevelopment.cs", "Demo/DemoGenerator.cs", "Demo/DemoIdentities.cs",
        "Demo/GuangzhouDivisions.cs", "Demo/Plan/", "Demo/Learning/DemoCourses.cs", "Demo/Learning/DemoLessonTexts.cs", "Demo/Learning/DemoQuestions.cs",
        "Demo/Learning/DemoCertificates.cs",
    ];

    /// <summary>A spreadsheet's fixed layout (sheet names, headers, the words its cells hold): RosterColumns, RosterSheets, GraduationColumns, StatisticsReport.Layout ….</summary>
    private static bool IsLayout(string rel) =>
        rel.EndsWith("Columns.cs", StringComparison.Ordinal) || rel.EndsWith("Sheets.cs", StringComparison.Ordinal)
        || rel.EndsWith(".Layout.cs", StringComparison.Ordinal);

    private static bool IsTexts(string rel) => rel.EndsWith("Texts.cs", StringComparison.Ordinal);

    /// <summary>The line without its comment (a "//" outside a string literal).</summary>
    private static string CodeOf(string line)
    {
        var inString = false;
        for (var i = 0; i < line.Length - 1; i++)
        {
            if (line[i] == '"' && (i == 0 || line[i - 1] != '\\')) inString = !inString;
            if (!inString && line[i] == '/' && line[i + 1] == '/') return line[..i];
        }
        return line;
    }

    [GeneratedRegex(@"""[^""]*[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")]
    private static partial Regex ChineseLiteral();
}
