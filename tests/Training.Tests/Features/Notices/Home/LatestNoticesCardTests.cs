using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Notices.Home;

/// <summary>The home's 通知公告 card: the latest notices the account reads, pinned first, none expired, with 更多.</summary>
[Collection(AppCollection.Name)]
public sealed class LatestNoticesCardTests(AppFixture app)
{
    [Fact]
    public async Task Should_show_the_trainee_its_latest_notices_pinned_first_and_no_expired_one()
    {
        var expired = await app.NoticeAsync(ownerCode: TestTrainees.DistrictCode, pinned: true, expiresInDays: -1);
        var pinned = await app.NoticeAsync(ownerCode: TestTrainees.DistrictCode, pinned: true);
        var trainee = await app.SignInAsync(await app.TraineeAsync());

        using var response = await trainee.GetAsync("/");
        var html = await response.ReadHtmlAsync();
        var lines = html.QuerySelectorAll("[data-testid=latest-notices] li").Select(li => li.GetAttribute("data-id")).ToList();

        Assert.Equal(pinned.Id.ToString(), lines.FirstOrDefault());
        Assert.DoesNotContain(expired.Id.ToString(), lines);
        Assert.InRange(lines.Count, 1, 3);
        Assert.Equal("/Notices", html.QuerySelector("[data-testid=more-notices]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Should_show_a_districts_notice_on_its_staffs_home_too()
    {
        var n = await app.NoticeAsync(ownerCode: "440111", pinned: true);

        using var response = await (await app.SignInAsync(DemoAccounts.Township)).GetAsync("/");
        var html = await response.ReadHtmlAsync();

        Assert.Contains(n.Title, html.QuerySelector("[data-testid=latest-notices]")?.TextContent);
    }

    [Fact]
    public async Task Should_show_a_notice_published_after_the_home_was_last_opened()
    {
        var trainee = await app.SignInAsync(await app.TraineeAsync());
        using (var before = await trainee.GetAsync("/")) // the card is kept from here
            Assert.Equal(System.Net.HttpStatusCode.OK, before.StatusCode);

        var n = await app.NoticeAsync(ownerCode: TestTrainees.DistrictCode, pinned: true);

        using var after = await trainee.GetAsync("/");
        var lines = (await after.ReadHtmlAsync()).QuerySelectorAll("[data-testid=latest-notices] li").Select(li => li.GetAttribute("data-id")).ToList();
        Assert.Contains(n.Id.ToString(), lines);
    }
}
