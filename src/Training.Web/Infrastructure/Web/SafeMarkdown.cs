using Ganss.Xss;
using Markdig;

namespace Training.Web.Infrastructure.Web;

/// <summary>
/// Markdown written in the portal (a text lesson, later notices) as HTML that is safe to put in a
/// page: rendered on the server by Markdig with raw HTML disabled, then cleaned by HtmlSanitizer
/// (no script, no event handler, no inline style — the Content-Security-Policy stays strict — and
/// only http, https and mailto links). A library does the cleaning, never a hand-written filter.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string? markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedAttributes.Remove("style");
        s.AllowedCssProperties.Clear();
        s.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) s.AllowedSchemes.Add(scheme);
        return s;
    }
}
