using AngleSharp.Html.Parser;
using Training.Web.Infrastructure.Web;

namespace Training.Tests.Infrastructure.Web;

/// <summary>Markdown written in the portal becomes HTML that can run nothing and style nothing.</summary>
public sealed class SafeMarkdownTests
{
    [Fact]
    public void Keeps_what_a_lesson_is_written_with()
    {
        var html = SafeMarkdown.ToHtml("## 四议两公开\n\n**村党组织提议**，*村两委会议商议*。\n\n1. 党员大会审议\n2. 村民会议决议\n\n[政策原文](https://www.gov.cn/)");

        Assert.Contains("<h2", html);
        Assert.Contains("<strong>村党组织提议</strong>", html);
        Assert.Contains("<em>村两委会议商议</em>", html);
        Assert.Contains("<li>党员大会审议</li>", html);
        Assert.Contains("href=\"https://www.gov.cn/\"", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<p style=\"position:fixed\">盖住页面</p>")]
    [InlineData("[点我](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">点我</a>")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>")]
    public void Runs_and_styles_nothing(string markdown)
    {
        // Read back as a browser would: what counts is the elements and attributes, not the text shown.
        var body = new HtmlParser().ParseDocument("<body>" + SafeMarkdown.ToHtml(markdown) + "</body>").Body!;
        var elements = body.QuerySelectorAll("*").ToList();

        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "iframe" or "img" or "object" or "embed");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name == "style" || a.Name.StartsWith("on", StringComparison.Ordinal));
        Assert.DoesNotContain(elements, e => (e.GetAttribute("href") ?? "").Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Shows_typed_HTML_as_text_instead_of_running_it()
    {
        Assert.Contains("&lt;b&gt;", SafeMarkdown.ToHtml("<b>粗体</b>"));
    }

    [Fact]
    public void Renders_a_text_once_for_every_reader_and_a_changed_text_again()
    {
        var text = "## 第一课\n\n" + Guid.NewGuid();
        var first = SafeMarkdown.ToHtml(text);

        Assert.Same(first, SafeMarkdown.ToHtml(text));
        Assert.Contains("（修订）", SafeMarkdown.ToHtml(text + "（修订）"));
    }

    [Fact]
    public void Writes_nothing_for_nothing() => Assert.Equal("", SafeMarkdown.ToHtml(null).Trim());
}
