using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Features.Statistics;
using Training.Tests.Infrastructure;
using Training.Web.Features.DataExchange.Exports;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.DataExchange.Exports;

/// <summary>The page /Exports.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : ExportsTestBase(appArg)
{
    [Theory]
    [InlineData("district-440111", "440103")]
    [InlineData("district-440111", "440100")]
    [InlineData("township-440111103", "440111")]
    [InlineData("village-440111103201", "440111103")]
    public async Task Should_not_export_a_unit_outside_the_scope(string account, string scope)
    {
        var client = await app.SignInAsync(account);
        var before = await LatestRunIdAsync(account);

        using var post = await client.PostFormAsync(Page, Page, Form(ExportKind.Roster, scope));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(before, await LatestRunIdAsync(account));
    }

    [Fact]
    public async Task Should_offer_a_district_its_townships_and_a_village_only_itself()
    {
        var district = await app.SignInAsync("district-440111");
        var village = await app.SignInAsync("village-440111103201");

        var districtCodes = (await (await district.GetAsync(Page)).ReadHtmlAsync()).QuerySelectorAll("select[name=Scope] option").Select(o => o.GetAttribute("value")).ToList();
        var villageCodes = (await (await village.GetAsync(Page)).ReadHtmlAsync()).QuerySelectorAll("select[name=Scope] option").Select(o => o.GetAttribute("value")).ToList();

        Assert.Equal("440111", districtCodes[0]);
        Assert.Contains("440111103", districtCodes);
        Assert.All(districtCodes, c => Assert.True(c!.StartsWith("440111", StringComparison.Ordinal) && c.Length <= 9, c));
        Assert.Equal(["440111103201"], villageCodes);
    }

    [Fact]
    public async Task Should_refuse_a_form_without_a_kind_with_a_message()
    {
        var client = await app.SignInAsync("district-440111");

        using var post = await client.PostFormAsync(Page, Page, new Dictionary<string, string> { ["Scope"] = "440111" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, post.StatusCode);
        Assert.Contains("请选择导出内容。", await post.TextAsync());
    }

    [Fact]
    public async Task Should_answer_htmx_with_the_list_holding_the_new_export()
    {
        var client = await app.SignInAsync("district-440103");

        using var response = await HtmxPostAsync(client, Form(ExportKind.Enrollments, "440103001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        var runId = await LatestRunIdAsync("district-440103");
        Assert.NotNull(Html.Parse(html).QuerySelector($"#export-runs tr[data-run-id='{runId}']"));
        Assert.Equal(RunState.Succeeded, (await FinishedAsync(runId)).State);
    }

    [Fact]
    public async Task Should_swap_the_form_with_its_message_when_htmx_posts_it_without_a_scope()
    {
        var client = await app.SignInAsync("district-440103");

        using var response = await HtmxPostAsync(client, new Dictionary<string, string> { ["Kind"] = "Roster", ["Scope"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("form[data-testid=export-form]", response.Headers.GetValues("HX-Retarget").Single());
        Assert.Equal("form[data-testid=export-form]", response.Headers.GetValues("HX-Reselect").Single());
        Assert.Contains("请选择导出范围。", await response.TextAsync());
    }

    [Fact]
    public async Task Should_poll_the_list_while_an_export_runs_and_stop_with_286_when_none_does()
    {
        var data = await app.ExportTownshipAsync();
        var idle = await app.SignInAsync("township-440103001");
        await app.ExportRunAsync(ExportKind.Enrollments, data.TownshipId, unmasked: false, requestedBy: "village-440111103201");
        var busy = await app.SignInAsync("village-440111103201");

        using var idleRequest = new HttpRequestMessage(HttpMethod.Get, "/Exports?handler=Runs") { Headers = { { "HX-Request", "true" } } };
        using var idleAnswer = await idle.SendAsync(idleRequest);
        using var busyRequest = new HttpRequestMessage(HttpMethod.Get, "/Exports?handler=Runs") { Headers = { { "HX-Request", "true" } } };
        using var busyAnswer = await busy.SendAsync(busyRequest);
        using var busyPage = await busy.GetAsync(Page);

        Assert.Equal(286, (int)idleAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, busyAnswer.StatusCode);
        var fragment = (await busyAnswer.ReadHtmlAsync()).QuerySelector("#export-runs")!;
        Assert.Equal(("/Exports?handler=Runs", "every 1s"), (fragment.GetAttribute("hx-get"), fragment.GetAttribute("hx-trigger")));
        Assert.DoesNotContain("<html", await busyAnswer.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        // Without JavaScript: a refresh link.
        Assert.NotNull((await busyPage.ReadHtmlAsync()).QuerySelector("#export-runs a[href='/Exports']"));
    }

    [Fact]
    public async Task Should_tell_wechat_users_to_open_the_page_in_the_system_browser()
    {
        var client = await app.SignInAsync("district-440111");
        using var request = new HttpRequestMessage(HttpMethod.Get, Page);
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 13) MicroMessenger/8.0.40");

        using var response = await client.SendAsync(request);

        Assert.NotNull((await response.ReadHtmlAsync()).QuerySelector("[data-testid=wechat-hint]"));
    }
}
