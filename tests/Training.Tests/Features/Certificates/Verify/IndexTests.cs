using System.Net;
using AngleSharp.Html.Dom;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Certificates;

namespace Training.Tests.Features.Certificates.Verify;

/// <summary>
/// 证书查验 as the public sees it (no sign-in): the masked name, the class, its dates, the issuing unit and
/// 有效 / 已撤销 — never the full name, the ID number, a phone or the village; a wrong or malformed code gets
/// the same page with 404; too many look-ups from one address in a minute get 429.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    private static int _address;

    /// <summary>An anonymous visitor from an address of its own, so that the rate limit of one test never reaches another.</summary>
    private HttpClient Visitor()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{Interlocked.Increment(ref _address) % 250 + 1}");
        return client;
    }

    private async Task<(TestCertificates.Graduation Graduation, string Code, string ClassName)> IssuedAsync()
    {
        var g = await app.GraduateAsync();
        var c = await app.CertificateAsync(await app.IssueAsync(g.ClassId, g.Trainee.PersonId));
        var className = await app.WithDbAsync(db => Task.FromResult(db.TrainingClasses.Single(x => x.Id == g.ClassId).Name));
        return (g, c.Code, className);
    }

    [Fact]
    public async Task Should_say_valid_with_the_masked_name_class_dates_and_issuer_to_anyone()
    {
        var (g, code, className) = await IssuedAsync();

        using var response = await Visitor().GetAsync($"/Verify/{code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Equal("true", html.QuerySelector("[data-testid=verify-result]")?.GetAttribute("data-valid"));
        Assert.Equal("有效", Text(html, "verify-status"));
        Assert.Equal(Training.Core.Domain.Certificate.MaskName(g.Trainee.Name), Text(html, "verify-name"));
        Assert.Equal(className, Text(html, "verify-class"));
        var today = TestPeople.Today;
        Assert.Equal(CertificatesTexts.Dates(today.AddDays(-10), today.AddDays(20)), Text(html, "verify-dates"));
        Assert.Equal("广州市", Text(html, "verify-issuer"));
    }

    [Fact]
    public async Task Should_show_no_personal_data_beyond_the_masked_name()
    {
        var (g, code, _) = await IssuedAsync();
        var person = await app.WithDbAsync(db => Task.FromResult(db.Persons.Where(p => p.Id == g.Trainee.PersonId)
            .Select(p => new { p.Name, p.IdNumber, p.Phone, Village = p.Village.Name, Township = p.Village.Parent!.Name }).Single()));

        using var response = await Visitor().GetAsync($"/Verify/{code}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(person.Name, body);
        Assert.DoesNotContain(person.IdNumber, body);
        Assert.DoesNotContain(person.Village, body);
        Assert.DoesNotContain(person.Township, body);
        if (!string.IsNullOrEmpty(person.Phone)) Assert.DoesNotContain(person.Phone, body);
        Assert.DoesNotContain(g.Trainee.UserName, body);
    }

    [Fact]
    public async Task Should_say_revoked_and_when()
    {
        var g = await app.GraduateAsync();
        var id = await app.IssueAsync(g.ClassId, g.Trainee.PersonId);
        await app.RevokeAsync(id);
        var code = (await app.CertificateAsync(id)).Code;

        using var response = await Visitor().GetAsync($"/Verify/{code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Equal("false", html.QuerySelector("[data-testid=verify-result]")?.GetAttribute("data-valid"));
        Assert.Equal("已撤销", Text(html, "verify-status"));
        Assert.Equal($"已于 {TestPeople.Today:yyyy-MM-dd} 撤销", Text(html, "verify-revoked"));
        Assert.DoesNotContain("测试撤销", html.Body!.TextContent); // the reason is the unit's, not the public's
    }

    [Fact]
    public async Task Should_read_a_code_typed_in_lower_case()
    {
        var (_, code, _) = await IssuedAsync();

        using var response = await Visitor().GetAsync($"/Verify/{code.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/Verify/AAAAAAAAAAAAAAAAAAAAAAAAAA")] // well formed, issued to nobody
    [InlineData("/Verify/ABC")]
    [InlineData("/Verify/440100-2026-00001")] // a number is not a code
    [InlineData("/Verify/%27%20OR%201%3D1--")]
    [InlineData("/Verify")]
    public async Task Should_answer_a_wrong_or_malformed_code_with_the_same_not_found_page(string url)
    {
        var (_, code, _) = await IssuedAsync();
        using var valid = await Visitor().GetAsync($"/Verify/{code}");
        var validShape = Shape(await valid.ReadHtmlAsync());

        using var response = await Visitor().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Equal("none", html.QuerySelector("[data-testid=verify-result]")?.GetAttribute("data-valid"));
        Assert.Equal("未找到该证书", Text(html, "verify-status"));
        Assert.Equal("证书查验", html.QuerySelector("h1")?.TextContent);
        // The same page whatever was wrong: the heading and the layout are the valid page's.
        Assert.Equal(validShape.Title, Shape(html).Title);
        using var other = await Visitor().GetAsync("/Verify/BBBBBBBBBBBBBBBBBBBBBBBBBB");
        Assert.Equal(ResultOf(await other.ReadHtmlAsync()), ResultOf(html));
    }

    [Fact]
    public async Task Should_not_let_shared_caches_or_search_engines_keep_the_page()
    {
        var (_, code, _) = await IssuedAsync();

        using var response = await Visitor().GetAsync($"/Verify/{code}");

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
    }

    [Fact]
    public async Task Should_answer_429_in_Chinese_once_an_address_has_looked_up_too_often_in_a_minute()
    {
        var (_, code, _) = await IssuedAsync();
        var visitor = app.Anonymous();
        visitor.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.200");
        for (var i = 0; i < CertificatesModule.DefaultVerifyPerMinute; i++)
        {
            using var allowed = await visitor.GetAsync(i % 2 == 0 ? $"/Verify/{code}" : "/Verify/CCCCCCCCCCCCCCCCCCCCCCCCCC");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await visitor.GetAsync($"/Verify/{code}");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        var text = await refused.TextAsync();
        Assert.Contains("查询太频繁", text);
        Assert.DoesNotContain("有效", text);
        // Another address is not held back.
        using var elsewhere = await Visitor().GetAsync($"/Verify/{code}");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Should_count_an_IPv4_address_once_whether_it_comes_as_IPv4_or_inside_IPv6()
    {
        var (_, code, _) = await IssuedAsync();
        var asIPv4 = app.Anonymous("203.0.113.201");
        var asIPv6 = app.Anonymous("::ffff:203.0.113.201");
        for (var i = 0; i < CertificatesModule.DefaultVerifyPerMinute; i++)
        {
            using var allowed = await (i % 2 == 0 ? asIPv4 : asIPv6).GetAsync($"/Verify/{code}");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await asIPv6.GetAsync($"/Verify/{code}");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    private static string? Text(IHtmlDocument html, string testId) => html.QuerySelector($"[data-testid={testId}]")?.TextContent.Trim();

    private static (string? Title, int Cards) Shape(IHtmlDocument html) =>
        (html.QuerySelector("title")?.TextContent, html.QuerySelectorAll("[data-testid=verify-result]").Length);

    private static string? ResultOf(IHtmlDocument html) => html.QuerySelector("[data-testid=verify-result]")?.OuterHtml;
}
