using System.Net;
using Training.Tests.Infrastructure;
using static Training.Tests.Features.Classes.ClassPages;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Classes;

/// <summary>培训班 list: filters by year and state, the same URL answering htmx with the list alone.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{

    [Fact]
    public async Task Should_filter_by_state_and_show_enrolled_over_capacity()
    {
        var running = await app.ClassAsync("440111", capacity: 12, startDay: -1, endDay: 3);
        var upcoming = await app.ClassAsync("440111", startDay: 5, endDay: 8);
        await app.EnrolAsync(running, await app.PersonAsync(OwnVillage, "学员", Core.Domain.Sex.Female));
        await app.SessionAsync(running, 0);
        var district = await app.SignInAsync(District);

        var page = await PageAsync(district, "/Classes?State=Running");

        var row = page.QuerySelector($"[data-testid=class-rows] tr[data-id='{running}']");
        Assert.NotNull(row);
        Assert.Equal("1 / 12", row.QuerySelector("[data-label=人数]")?.TextContent);
        Assert.Equal("1", row.QuerySelector("[data-label=课次]")?.TextContent);
        Assert.Equal("进行中", row.QuerySelector("[data-label=状态]")?.TextContent);
        Assert.Null(page.QuerySelector($"[data-testid=class-rows] tr[data-id='{upcoming}']"));
        Assert.NotNull(page.QuerySelector("[data-testid=create-class]"));
    }

    [Fact]
    public async Task Should_show_a_new_class_a_participant_and_a_session_at_once_after_the_list_was_read()
    {
        var district = await app.SignInAsync(District);
        await PageAsync(district, "/Classes?State=Running");

        var running = await app.ClassAsync("440111", capacity: 12, startDay: -1, endDay: 3);
        var afterCreate = await RowAsync(district, running);
        await app.EnrolAsync(running, await app.PersonAsync(OwnVillage, "学员"));
        var afterEnrol = await RowAsync(district, running);
        await app.SessionAsync(running, 0);
        var afterSession = await RowAsync(district, running);

        Assert.Equal(("0 / 12", "0"), afterCreate);
        Assert.Equal(("1 / 12", "0"), afterEnrol);
        Assert.Equal(("1 / 12", "1"), afterSession);
    }

    private static async Task<(string?, string?)> RowAsync(HttpClient client, int id)
    {
        var row = (await PageAsync(client, "/Classes?State=Running")).QuerySelector($"[data-testid=class-rows] tr[data-id='{id}']");
        return (row?.QuerySelector("[data-label=人数]")?.TextContent, row?.QuerySelector("[data-label=课次]")?.TextContent);
    }

    [Fact]
    public async Task Should_answer_htmx_with_the_list_alone_and_vary_on_it()
    {
        var id = await app.ClassAsync("440111", startDay: 5, endDay: 8);
        var district = await app.SignInAsync(District);

        using var response = await district.GetAsHtmxAsync($"/Classes?Year={Today.AddDays(5).Year}&State=NotStarted");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HX-Request", response.Headers.Vary);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html);
        Assert.Contains($"data-id=\"{id}\"", html);
    }

    [Fact]
    public async Task Should_not_offer_new_classes_to_township_staff()
    {
        var page = await PageAsync(await app.SignInAsync(Township), "/Classes");

        Assert.Null(page.QuerySelector("[data-testid=create-class]"));
    }
}
