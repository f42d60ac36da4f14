using System.Text.RegularExpressions;

namespace Training.Tests.Architecture;

/// <summary>
/// What a user reads is written in one place per module, so that wording can be reviewed as a
/// whole: every Chinese string of a module's code lives in its Texts file(s) (plus CommonTexts),
/// and spreadsheet headers in the sheet-constant files. Views keep their own markup.
/// </summary>
public sealed partial class UserTextsTests
{
    private static readonly string Features = Path.Combine(LayeringTests.RepositoryRoot(), "src", "Training.Web", "Features");

    /// <summary>Where Chinese literals belong besides the Texts files; each one a decision.</summary>
    private static readonly string[] Exempt =
    [
        "Demo/",                                            // the demo's data: names, units, generated text
        "DataExchange/Import/Roster/RosterColumns.cs",      // the roster workbook's headers (IMPORT-EXPORT.md)
        "DataExchange/Import/Roster/RosterSheets.cs",       // … and its sheet names
        "Degree/Graduation/GraduationColumns.cs",           // the graduation list's sheet and headers
        "Statistics/Export/ReportColumns.cs",               // the statistics report's sheets and headers
        "DataExchange/Exports/ExportColumns.cs",            // the export workbooks' sheets and headers
    ];

    [Fact]
    public void Strings_a_user_reads_live_in_the_texts_files()
    {
        var found = Directory.EnumerateFiles(Features, "*.cs", SearchOption.AllDirectories)
            .Select(f => (File: f, Rel: Path.GetRelativePath(Features, f).Replace('\\', '/')))
            .Where(f => !IsTexts(f.Rel) && !Exempt.Any(e => f.Rel.StartsWith(e, StringComparison.Ordinal)))
            .SelectMany(f => File.ReadLines(f.File).Select((line, i) => (f.Rel, Line: line, Number: i + 1)))
            .Where(x => ChineseLiteral().IsMatch(CodeOf(x.Line)))
            .Select(x => $"{x.Rel}:{x.Number}: {x.Line.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, $"{found.Count} lines with Chinese outside the Texts files:\n" + string.Join("\n", found));
    }

    private static bool IsTexts(string rel) =>
        rel.EndsWith("Texts.cs", StringComparison.Ordinal) || rel.EndsWith("Text.cs", StringComparison.Ordinal);

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
