using System.Net;
using AngleSharp.Dom;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Certificates.Mine;

/// <summary>On 我的培训班: 下载结业证书 for a graduate (a form until issued, a link after), nothing before; 已撤销; WeChat's hint.</summary>
[Collection(AppCollection.Name)]
public sealed class MyCertificateTests(AppFixture app)
{
    [Fact]
    public async Task Should_offer_a_graduate_to_download_its_certificate()
    {
        var g = await app.GraduateAsync();

        var card = await CardAsync(await app.SignInAsync(g.Trainee), g.ClassId);

        var form = card.QuerySelector("[data-testid=issue-certificate]");
        Assert.NotNull(form);
        var action = form.GetAttribute("action") ?? "";
        Assert.StartsWith("/Certificates/Download?", action);
        Assert.Contains("handler=Issue", action);
        Assert.Contains($"classId={g.ClassId}", action);
        Assert.Contains("下载结业证书", form.TextContent);
        Assert.Null(card.QuerySelector("[data-testid=wechat-hint]"));
    }

    [Fact]
    public async Task Should_link_the_certificate_once_issued()
    {
        var g = await app.GraduateAsync();
        var id = await app.IssueAsync(g.ClassId, g.Trainee.PersonId);

        var card = await CardAsync(await app.SignInAsync(g.Trainee), g.ClassId);

        Assert.Equal($"/Certificates/Download/{id}", card.QuerySelector("[data-testid=download-certificate]")?.GetAttribute("href"));
        Assert.Contains((await app.CertificateAsync(id)).Number, card.TextContent);
    }

    [Fact]
    public async Task Should_offer_nothing_before_graduating()
    {
        var g = await app.GraduateAsync(graduated: false);

        var card = await CardAsync(await app.SignInAsync(g.Trainee), g.ClassId);

        Assert.Null(card.QuerySelector("[data-testid=my-certificate]"));
    }

    [Fact]
    public async Task Should_say_revoked_instead_of_offering_a_download()
    {
        var g = await app.GraduateAsync();
        var id = await app.IssueAsync(g.ClassId, g.Trainee.PersonId);
        await app.RevokeAsync(id);

        var card = await CardAsync(await app.SignInAsync(g.Trainee), g.ClassId);

        Assert.Contains("结业证书已撤销", card.QuerySelector("[data-testid=my-certificate]")?.TextContent);
        Assert.Null(card.QuerySelector("[data-testid=download-certificate]"));
        Assert.Null(card.QuerySelector("[data-testid=issue-certificate]"));
    }

    [Fact]
    public async Task Should_tell_WeChat_users_to_open_the_page_in_the_browser_first()
    {
        var g = await app.GraduateAsync();
        var trainee = await app.SignInAsync(g.Trainee);
        trainee.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Mobile MicroMessenger/8.0.50");

        var card = await CardAsync(trainee, g.ClassId);

        Assert.Contains("请点击右上角“…”，选择“在浏览器打开”后下载", card.QuerySelector("[data-testid=wechat-hint]")?.TextContent);
    }

    private static async Task<IElement> CardAsync(HttpClient trainee, int classId)
    {
        using var page = await trainee.GetAsync("/Classes/Mine");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var card = (await page.ReadHtmlAsync()).QuerySelector($"[data-testid=my-class][data-class='{classId}']");
        Assert.NotNull(card);
        return card;
    }
}
