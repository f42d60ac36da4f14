using System.Net;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Notices;

/// <summary>The page /Notices/Details/{id}: the body rendered safely, to readers in scope and to its authors in every state.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailsTests(AppFixture app)
{
    [Fact]
    public async Task Should_render_markdown_and_drop_raw_html()
    {
        var n = await app.NoticeAsync(body: "**请按时参加**\n\n<script>alert(1)</script><img src=x onerror=\"alert(2)\">\n\n[链接](javascript:alert(3))");

        using var response = await (await app.SignInAsync("trainee-demo")).GetAsync($"/Notices/Details/{n.Id}");
        var body = (await response.ReadHtmlAsync()).QuerySelector("[data-testid=notice-body]")!;

        Assert.Equal("请按时参加", body.QuerySelector("strong")?.TextContent);
        Assert.Null(body.QuerySelector("script"));
        Assert.Null(body.QuerySelector("img[onerror]"));
        Assert.DoesNotContain("javascript:", body.InnerHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Should_not_find_another_districts_notice()
    {
        var n = await app.NoticeAsync(ownerCode: "440103");

        using var response = await (await app.SignInAsync("trainee-demo")).GetAsync($"/Notices/Details/{n.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Should_show_its_authors_an_expired_notice_as_expired_and_readers_nothing()
    {
        var n = await app.NoticeAsync(ownerCode: "440111", expiresInDays: -2);

        using var author = await (await app.SignInAsync(DemoAccounts.District)).GetAsync($"/Notices/Details/{n.Id}");
        using var reader = await (await app.SignInAsync("trainee-demo")).GetAsync($"/Notices/Details/{n.Id}");

        Assert.Equal("已过期", (await author.ReadHtmlAsync()).QuerySelector("[data-testid=notice-state]")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, reader.StatusCode);
    }
}
