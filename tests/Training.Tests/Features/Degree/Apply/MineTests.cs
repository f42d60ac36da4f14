using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using static Training.Tests.Features.Degree.Apply.ApplyPages;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Degree.Apply;

/// <summary>The page /Apply/Mine.</summary>
[Collection(AppCollection.Name)]
public sealed class MineTests(AppFixture appArg) : ApplyTestBase(appArg)
{
    [Fact]
    public async Task Should_show_unread_notifications_on_the_home_page_until_marked_read()
    {
        var trainee = await app.TraineeAsync();
        var someoneElse = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);
        // The home read first: what it shows is kept, and a notice arriving afterwards must show all the same.
        Assert.Empty((await (await client.GetAsync("/")).ReadHtmlAsync()).QuerySelectorAll("[data-notification-id]"));
        await app.WithDbAsync(async db =>
        {
            db.Notifications.Add(new Notification(trainee.PersonId, null, "较早的通知：镇（街）审核通过", DateTime.UtcNow.AddMinutes(-5)));
            db.Notifications.Add(new Notification(trainee.PersonId, null, "最新的通知：区审核通过", DateTime.UtcNow));
            db.Notifications.Add(new Notification(someoneElse.PersonId, null, "别人的通知", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        var home = await (await client.GetAsync("/")).ReadHtmlAsync();
        var items = home.QuerySelectorAll("[data-notification-id]").Select(li => li.TextContent).ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains("最新的通知", items[0]);
        Assert.Contains("较早的通知", items[1]);
        Assert.DoesNotContain("别人的通知", home.Body!.TextContent);

        using var read = await client.PostFormAsync("/", "/?handler=Read", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        var after = await (await client.GetAsync("/")).ReadHtmlAsync();
        Assert.Empty(after.QuerySelectorAll("[data-notification-id]"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.PersonId == someoneElse.PersonId && n.ReadAt == null)));
    }

    [Fact]
    public async Task Should_list_an_application_made_after_the_home_was_read_at_once()
    {
        var cohort = await app.CohortAsync(Today.AddDays(-10), Today.AddDays(10));
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);
        Assert.Contains("您还没有报名记录", await (await client.GetAsync("/")).TextAsync());

        await app.DraftAsync(trainee, cohort.AssociateFeeId);

        var home = await (await client.GetAsync("/")).TextAsync();
        Assert.DoesNotContain("您还没有报名记录", home);
        Assert.Contains("草稿", home);
    }
}
