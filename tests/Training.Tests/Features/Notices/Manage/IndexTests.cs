using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Notices.Manage;

/// <summary>The page /Notices/Manage: the account's own unit's notices in every state, an expired one marked 已过期.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Should_list_the_units_own_notices_in_every_state_and_not_the_citys()
    {
        var expired = await app.NoticeAsync(ownerCode: "440111", expiresInDays: -1);
        var draft = await app.NoticeAsync(ownerCode: "440111", state: NoticeState.Draft);
        var city = await app.NoticeAsync();

        using var response = await (await app.SignInAsync(DemoAccounts.District)).GetAsync("/Notices/Manage");
        var rows = (await response.ReadHtmlAsync()).QuerySelectorAll("[data-testid=managed-notices] tbody tr")
            .ToDictionary(r => int.Parse(r.GetAttribute("data-id")!), r => r.QuerySelector("[data-testid=state]")!.TextContent);

        Assert.Equal("已过期", rows[expired.Id]);
        Assert.Equal("草稿", rows[draft.Id]);
        Assert.False(rows.ContainsKey(city.Id));
    }

    [Fact]
    public async Task Should_refuse_a_township()
    {
        using var response = await (await app.SignInAsync(DemoAccounts.Township)).GetAsync("/Notices/Manage");

        Refusals.AssertRefused(response);
    }
}
