using System.Net;
using System.Text.RegularExpressions;
using Training.Tests.Architecture;
using Training.Tests.Infrastructure;

namespace Training.Tests.Http;

/// <summary>
/// What a browser checks on every page: the Content-Security-Policy holds (no inline style or
/// script anywhere, so no console error for any role), and the icon every browser asks for exists.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class BrowserPolicyTests(AppFixture app)
{
    [Fact]
    public async Task Should_serve_a_real_icon_at_favicon_ico_and_link_it_from_every_page()
    {
        using var icon = await app.Anonymous().GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        var bytes = await icon.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]); // the ICO header: reserved 0, type 1 (icon)
        Assert.True(BitConverter.ToUInt16(bytes, 4) >= 1, "the icon holds at least one image");

        using var login = await app.Anonymous().GetAsync("/Account/Login");
        Assert.Equal("/favicon.ico", (await login.ReadHtmlAsync()).QuerySelector("link[rel=icon]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Should_draw_the_change_password_page_and_its_refusal_without_an_inline_style()
    {
        var client = await app.SignInAsync("township-440111103");
        using var form = await client.GetAsync("/Account/ChangePassword");
        AssertNoInline(await form.ReadHtmlAsync());

        using var refused = await client.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "wrong",
            ["Input.NewPassword"] = "short",
            ["Input.ConfirmPassword"] = "other",
        });
        var page = await refused.ReadHtmlAsync();
        AssertNoInline(page);
        Assert.NotEmpty(page.QuerySelector("[data-testid=form-errors]")?.TextContent ?? "");
        Assert.DoesNotContain("unsafe-inline", refused.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Should_give_the_Hangfire_dashboard_a_policy_of_its_own_that_still_forbids_inline_script()
    {
        var admin = await app.SignInAsync("sysadmin");
        using var dashboard = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var policy = dashboard.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        var html = await dashboard.ReadHtmlAsync();
        Assert.DoesNotContain(html.QuerySelectorAll("script:not([src]):not([type=\"application/json\"])"), s => s.TextContent.Trim().Length > 0);
    }

    /// <summary>The source of every view: no style attribute or element, no inline script, no validation
    /// summary tag helper (it writes <c>style="display:none"</c>; the shared _Errors partial replaces it).</summary>
    [Fact]
    public void Should_have_no_view_that_writes_an_inline_style_or_script()
    {
        var web = Path.Combine(LayeringTests.RepositoryRoot(), "src", "Training.Web");
        var offences = Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => InlineStyleOrScript().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(web, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    private static void AssertNoInline(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        Assert.Empty(page.QuerySelectorAll("[style]").Select(e => e.OuterHtml));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.DoesNotContain(page.QuerySelectorAll("script:not([src]):not([type=\"application/json\"])"), s => s.TextContent.Trim().Length > 0);
    }

    // A JSON data block (a chart's figures) is not run, so the policy allows it.
    [GeneratedRegex(@"\sstyle\s*=|<style[\s>]|asp-validation-summary|<script(?![^>]*\b(src=|type=""application/json""))[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyleOrScript();
}
