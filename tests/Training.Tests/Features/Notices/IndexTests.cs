using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Notices;

/// <summary>The page /Notices: what each reader sees (its units' notices and those above), pinned first, none expired or withdrawn.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    private static async Task<List<int>> ListedAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/Notices");
        response.EnsureSuccessStatusCode();
        var html = await response.ReadHtmlAsync();
        return html.QuerySelectorAll("[data-testid=notice-rows] li").Select(li => int.Parse(li.GetAttribute("data-id")!)).ToList();
    }

    [Fact]
    public async Task Should_show_a_districts_notice_to_everyone_under_it_and_to_nobody_in_another_district()
    {
        var baiyun = await app.NoticeAsync(ownerCode: "440111");
        var city = await app.NoticeAsync();
        var inside = new[] { DemoAccounts.District, DemoAccounts.Township, DemoAccounts.Village, "trainee-demo" };
        var outside = new[] { DemoAccounts.OtherDistrict, DemoAccounts.OtherTownship };
        var otherTrainee = await app.SignInAsync(await app.TraineeAsync());

        foreach (var account in inside)
        {
            var listed = await ListedAsync(await app.SignInAsync(account));
            Assert.True(listed.Contains(baiyun.Id) && listed.Contains(city.Id), $"{account} 应看到白云区和市里的通知");
        }
        foreach (var client in new List<HttpClient> { await app.SignInAsync(outside[0]), await app.SignInAsync(outside[1]), otherTrainee })
        {
            var listed = await ListedAsync(client);
            Assert.DoesNotContain(baiyun.Id, listed);
            Assert.Contains(city.Id, listed);
        }
    }

    [Fact]
    public async Task Should_list_a_notice_published_after_the_list_was_read_at_once()
    {
        var client = await app.SignInAsync(await app.TraineeAsync());
        var before = await ListedAsync(client);

        var published = await app.NoticeAsync(ownerCode: TestTrainees.DistrictCode);

        var after = await ListedAsync(client);
        Assert.DoesNotContain(published.Id, before);
        Assert.Contains(published.Id, after);
    }

    [Fact]
    public async Task Should_list_pinned_notices_first_then_the_newest()
    {
        var pinnedOld = await app.NoticeAsync(ownerCode: TestTrainees.DistrictCode, pinned: true, publishedDaysAgo: 10);
        var older = await app.NoticeAsync(ownerCode: TestTrainees.DistrictCode, publishedDaysAgo: 2);
        var newer = await app.NoticeAsync(ownerCode: TestTrainees.DistrictCode, publishedDaysAgo: 1);

        var listed = await ListedAsync(await app.SignInAsync(await app.TraineeAsync()));

        Assert.True(listed.IndexOf(pinnedOld.Id) >= 0 && listed.IndexOf(pinnedOld.Id) < listed.IndexOf(newer.Id), "置顶通知应排在前面");
        Assert.True(listed.IndexOf(newer.Id) < listed.IndexOf(older.Id), "较新的通知应排在前面");
    }

    [Fact]
    public async Task Should_hide_expired_withdrawn_and_draft_notices_from_readers_and_show_one_expiring_today()
    {
        var expired = await app.NoticeAsync(ownerCode: TestTrainees.DistrictCode, expiresInDays: -1);
        var today = await app.NoticeAsync(ownerCode: TestTrainees.DistrictCode, expiresInDays: 0);
        var withdrawn = await app.NoticeAsync(ownerCode: TestTrainees.DistrictCode, state: NoticeState.Withdrawn);
        var draft = await app.NoticeAsync(ownerCode: TestTrainees.DistrictCode, state: NoticeState.Draft);

        var listed = await ListedAsync(await app.SignInAsync(await app.TraineeAsync()));

        Assert.Contains(today.Id, listed);
        Assert.DoesNotContain(expired.Id, listed);
        Assert.DoesNotContain(withdrawn.Id, listed);
        Assert.DoesNotContain(draft.Id, listed);
    }

    [Fact]
    public async Task Should_refuse_the_school_registrar_who_belongs_to_no_unit()
    {
        using var response = await (await app.SignInAsync("school-1")).GetAsync("/Notices");

        Refusals.AssertRefused(response);
    }
}
