using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;

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

    /// <summary>
    /// Rendered texts kept by their source: a lesson or a notice is opened by many and changed rarely, and rendering
    /// and cleaning it again was a good part of a lesson page's time. The same text gives the same HTML, so nothing of
    /// one reader reaches another; a changed text is a new key. Bounded by the characters kept (source and HTML).
    /// </summary>
    private static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = 4_000_000 });

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    public static string ToHtml(string? markdown)
    {
        markdown ??= "";
        if (Rendered.TryGetValue(markdown, out string? kept)) return kept!;
        var html = Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
        Rendered.Set(markdown, html, new MemoryCacheEntryOptions { Size = markdown.Length + html.Length, SlidingExpiration = Idle });
        return html;
    }

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
