using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Reserves.Shadowing;

/// <summary>The page /Shadowing.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : ShadowingTestBase(appArg)
{
    // ---------------------------------------------------------------- the list

    [Fact]
    public async Task Should_list_by_status_on_today_and_the_periods_awaiting_evaluation()
    {
        var ended = await EndedAsync(rating: null);
        var evaluated = await EndedAsync(Rating.Good);
        var (futureReserve, future) = await app.ReserveAsync();
        await app.ShadowingAsync(futureReserve, Today.AddDays(5), Today.AddDays(20));
        var township = await app.SignInAsync(Township);

        var pending = await ListAsync(township, "/Shadowing?Pending=true");
        Assert.Equal("待评价", pending.GetValueOrDefault(ended));
        Assert.False(pending.ContainsKey(evaluated));
        Assert.False(pending.ContainsKey(future));

        var endedList = await ListAsync(township, "/Shadowing?Status=Ended");
        Assert.True(endedList.ContainsKey(ended));
        Assert.Equal("良好", endedList.GetValueOrDefault(evaluated));
        Assert.False(endedList.ContainsKey(future));

        var notStarted = await ListAsync(township, "/Shadowing?Status=NotStarted");
        Assert.True(notStarted.ContainsKey(future));
        Assert.False(notStarted.ContainsKey(ended));
    }

    [Fact]
    public async Task Should_show_a_new_period_and_an_evaluation_at_once_after_the_list_was_read()
    {
        // The list is kept between views: a period recorded or evaluated since must show on the next one.
        var (reserveId, name) = await app.ReserveAsync(on: Today.AddDays(-60));
        var township = await app.SignInAsync(Township);
        Assert.False((await ListAsync(township, "/Shadowing?Pending=true")).ContainsKey(name));

        var id = await app.ShadowingAsync(reserveId, Today.AddDays(-50), Today.AddDays(-1));
        Assert.Equal("待评价", (await ListAsync(township, "/Shadowing?Pending=true")).GetValueOrDefault(name));

        await app.WithDbAsync(async db =>
        {
            var period = await db.Shadowings.SingleAsync(s => s.Id == id);
            period.Evaluate(Rating.Good, "跟班表现良好", "test-township", DateTime.UtcNow, Today);
            return await db.SaveChangesAsync();
        });
        Assert.False((await ListAsync(township, "/Shadowing?Pending=true")).ContainsKey(name));
    }

    [Fact]
    public async Task Should_answer_htmx_with_the_rows_only_and_vary_on_it()
    {
        var client = await app.SignInAsync(District);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Shadowing?Status=Running");
        request.Headers.Add("HX-Request", "true");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HX-Request", response.Headers.Vary);
        var html = await response.ReadHtmlAsync();
        Assert.Null(html.QuerySelector("h1"));
        Assert.NotNull(html.QuerySelector("[data-testid=shadowing-total]"));
    }

    [Fact]
    public async Task Should_link_the_township_to_the_form_and_not_the_others()
    {
        using (var township = await (await app.SignInAsync(Township)).GetAsync("/Shadowing"))
            Assert.NotNull((await township.ReadHtmlAsync()).QuerySelector("a[data-testid=new-shadowing]"));
        using var village = await (await app.SignInAsync(Village)).GetAsync("/Shadowing");
        Assert.Null((await village.ReadHtmlAsync()).QuerySelector("a[data-testid=new-shadowing]"));
    }
}
