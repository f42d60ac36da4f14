using System.Text.RegularExpressions;

namespace Training.Tests.Architecture;

/// <summary>
/// One mechanism per concern, kept so by reading the source: pages link and redirect by page
/// name, say what was done through the one flash, page lists through Paged, and show ID numbers
/// and phones through the tag helpers. A second way of doing any of these fails here with the line.
/// </summary>
public sealed partial class OneMechanismTests
{
    private static readonly string Features = Path.Combine(LayeringTests.RepositoryRoot(), "src", "Training.Web", "Features");

    [Fact]
    public void Views_link_to_pages_by_name_not_by_literal_path()
    {
        // /hangfire and /health are endpoints, not pages: they have no page name.
        AssertNone("*.cshtml", LiteralLink(), line => !line.Contains("\"/hangfire\"") && !line.Contains("\"/health/"));
    }

    [Fact]
    public void Pages_redirect_by_page_name_not_by_literal_path() => AssertNone("*.cs", LiteralRedirect());

    [Fact]
    public void Pages_say_what_was_done_only_through_the_one_flash()
    {
        AssertNone("*.cs", TempDataProperty());
        AssertNone("*.cs", MessageInUrl());
        AssertNone("*.cshtml", MessageOfThePage());
    }

    [Fact]
    public void Someone_else_changed_it_is_said_in_the_one_common_text() =>
        // An import that met a change while it ran says so in its own words: nothing was written, import again.
        AssertNone("*.cs*", SomeoneElseChanged(), line => !line.Contains("导入期间"));

    /// <summary>
    /// A list fragment that draws the pager's target itself (<c>&lt;div id="rows"&gt;</c>) is swapped whole, one that
    /// fills it is swapped inside: otherwise each page turned nests a second element of the same id in the first.
    /// </summary>
    [Fact]
    public void Pagers_swap_the_whole_target_exactly_when_the_fragment_draws_it()
    {
        var wrong = new List<string>();
        var pagers = 0;
        foreach (var file in Directory.EnumerateFiles(Features, "*.cshtml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match pager in PagerCall().Matches(text))
            {
                pagers++;
                var args = pager.Groups["args"].Value;
                var target = PagerTarget().Match(args) is { Success: true } t ? t.Groups[1].Value : "rows";
                var draws = text.Contains($"id=\"{target}\"");
                if (draws != args.Contains("whole: true")) wrong.Add($"{Path.GetRelativePath(Features, file)}: {pager.Value}");
            }
        }
        Assert.True(pagers >= 15, $"只找到 {pagers} 处翻页：读法过时了");
        Assert.True(wrong.Count == 0, "翻页的 whole 与片段是否自带目标元素不符：\n" + string.Join("\n", wrong));
    }

    [GeneratedRegex(@"\.Pager\((?<args>[^()]*)\)")]
    private static partial Regex PagerCall();

    [GeneratedRegex(@"""#([\w-]+)""")]
    private static partial Regex PagerTarget();

    [Fact]
    public void Lists_page_only_through_Paged() => AssertNone("*.cs*", HandPaging());

    [Fact]
    public void Views_mask_ID_numbers_and_phones_only_through_the_tag_helpers() =>
        AssertNone("*.cshtml", MaskInView(), line => !line.Contains("Shared/_Flash"));

    [Fact]
    public void Pages_meet_a_broken_rule_only_through_the_workflow_step()
    {
        // A refused step comes back from WorkflowStep as a StepResult and is answered by PageAnswers;
        // an import turns a broken rule into its row's error in ImportError.TryRow. Nowhere else.
        var catching = Directory.EnumerateFiles(Path.Combine(Features, ".."), "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(line => CatchesRule().IsMatch(line)))
            .Select(f => Path.GetRelativePath(Path.Combine(Features, ".."), f).Replace('\\', '/'))
            .Order()
            .ToList();
        Assert.Equal(["Features/DataExchange/Import/ImportError.cs", "Infrastructure/Workflow/WorkflowStep.cs"], catching);
    }

    private static void AssertNone(string pattern, Regex regex, Func<string, bool>? counts = null)
    {
        var found = Directory.EnumerateFiles(Features, pattern, SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => regex.IsMatch(x.line) && (counts?.Invoke(x.line) ?? true))
            .Select(x => $"{Path.GetRelativePath(Features, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [GeneratedRegex(@"\b(href|action|hx-get|hx-post)=""/")]
    private static partial Regex LiteralLink();

    [GeneratedRegex(@"\bRedirect\(\$?""/")]
    private static partial Regex LiteralRedirect();

    [GeneratedRegex(@"\[TempData\]")]
    private static partial Regex TempDataProperty();

    [GeneratedRegex(@"Model\.(Message|Flash|DoneMessage)\b")]
    private static partial Regex MessageOfThePage();

    [GeneratedRegex(@"[?&](m|done)=")]
    private static partial Regex MessageInUrl();

    [GeneratedRegex(@"""[^""]*被他人")]
    private static partial Regex SomeoneElseChanged();

    [GeneratedRegex(@"\.Skip\(\(|new Pager\(")]
    private static partial Regex HandPaging();

    [GeneratedRegex(@"catch \(DomainException")]
    private static partial Regex CatchesRule();

    [GeneratedRegex(@"(ResidentId|Phone)\.Mask\(")]
    private static partial Regex MaskInView();
}
