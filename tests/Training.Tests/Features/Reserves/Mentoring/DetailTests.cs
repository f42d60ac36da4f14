using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure.Web;
using static Training.Tests.Features.Reserves.Mentoring.MentoringPages;
using Training.Tests.Infrastructure.Builders;

using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Reserves.Mentoring;

/// <summary>The page /Mentoring/Detail.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailTests(AppFixture appArg) : MentoringTestBase(appArg)
{
    // ---------------------------------------------------------------- evaluations and the early end

    [Fact]
    public async Task Should_record_an_evaluation_shown_newest_first_and_audited()
    {
        var id = await app.PairAsync(startedAgo: 40, evaluatedAgo: 20);
        var township = await app.SignInAsync(Township);
        var form = await FormAsync(township, id, "evaluate");

        using var response = await township.PostAsync(form.Action, form.With(
            ("On", Today.AddDays(-1).ToString("yyyy-MM-dd")), ("Rating", nameof(Rating.Excellent)), ("Text", "主动牵头整治人居环境")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var pair = await app.PairOfAsync(id);
        Assert.Equal(Today.AddDays(-1), pair.LastEvaluatedOn);
        var latest = pair.Evaluations.OrderBy(e => e.Id).Last();
        Assert.Equal((Rating.Excellent, "主动牵头整治人居环境"), (latest.Rating, latest.Text));
        Assert.Contains(Township, latest.Actor);
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.UserName == Township && a.Action == "结对帮带评价" && a.Detail.Contains($"结对帮带 {id}"))));

        using var page = await township.GetAsync($"/Mentoring/Detail?id={id}");
        var items = (await page.ReadHtmlAsync()).QuerySelectorAll("[data-testid=evaluations] li").Select(li => li.GetAttribute("data-on")).ToList();
        Assert.Equal([Today.AddDays(-1).ToString("yyyy-MM-dd"), Today.AddDays(-20).ToString("yyyy-MM-dd")], items);
    }

    [Fact]
    public async Task Should_refuse_an_evaluation_without_a_rating_keeping_the_text()
    {
        var id = await app.PairAsync(startedAgo: 40);
        var township = await app.SignInAsync(Township);
        var form = await FormAsync(township, id, "evaluate");

        using var response = await township.PostAsync(form.Action, form.With(
            ("On", Today.ToString("yyyy-MM-dd")), ("Rating", ""), ("Text", "写好的评价")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Contains("请选择评价等次", html.QuerySelector("[data-testid=form-errors]")?.TextContent);
        Assert.Equal("写好的评价", html.QuerySelector("form[data-form=evaluate] textarea[name=Text]")?.TextContent);
        Assert.Null((await app.PairOfAsync(id)).LastEvaluatedOn);
    }

    [Fact]
    public async Task Should_end_a_pair_early_after_a_confirmation_with_the_reason_shown()
    {
        var id = await app.PairAsync(startedAgo: 40);
        var township = await app.SignInAsync(Township);
        using (var page = await township.GetAsync($"/Mentoring/Detail?id={id}"))
            Assert.NotNull((await page.ReadHtmlAsync()).QuerySelector("form[data-form=end] button")?.GetAttribute("data-confirm"));
        var form = await FormAsync(township, id, "end");

        using var response = await township.PostAsync(form.Action, form.With(("On", Today.ToString("yyyy-MM-dd")), ("Reason", "已任村委委员")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var pair = await app.PairOfAsync(id);
        Assert.Equal((Today, "已任村委委员"), (pair.EndOn, pair.EndReason));
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "提前结束结对帮带" && a.Detail.Contains($"结对帮带 {id}"))));
        using var after = await township.GetAsync($"/Mentoring/Detail?id={id}");
        var html = await after.ReadHtmlAsync();
        Assert.Equal("已任村委委员", html.QuerySelector("[data-testid=end-reason]")?.TextContent);
        Assert.Null(html.QuerySelector("form[data-form=end]"));
    }

    [Fact]
    public async Task Should_tell_an_account_evaluating_from_a_stale_page_that_someone_else_changed_the_pair()
    {
        var id = await app.PairAsync(startedAgo: 40);
        var township = await app.SignInAsync(Township);
        var stale = await FormAsync(township, id, "evaluate");
        var other = await app.SignInAsync(Township);
        var fresh = await FormAsync(other, id, "evaluate");
        using (var first = await other.PostAsync(fresh.Action, fresh.With(("On", Today.ToString("yyyy-MM-dd")), ("Rating", nameof(Rating.Good)), ("Text", "先评"))))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var response = await township.PostAsync(stale.Action, stale.With(
            ("On", Today.ToString("yyyy-MM-dd")), ("Rating", nameof(Rating.Poor)), ("Text", "后评")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(CommonTexts.Changed, await response.TextAsync());
        var pair = await app.PairOfAsync(id);
        Assert.Equal("先评", Assert.Single(pair.Evaluations).Text);
    }

    [Fact]
    public async Task Should_let_only_one_of_two_concurrent_evaluations_win()
    {
        var id = await app.PairAsync(startedAgo: 40);
        var a = await app.SignInAsync(Township);
        var b = await app.SignInAsync(Township);
        var fa = await FormAsync(a, id, "evaluate");
        var fb = await FormAsync(b, id, "evaluate");

        var responses = await Task.WhenAll(
            a.PostAsync(fa.Action, fa.With(("On", Today.ToString("yyyy-MM-dd")), ("Rating", nameof(Rating.Good)), ("Text", "甲"))),
            b.PostAsync(fb.Action, fb.With(("On", Today.ToString("yyyy-MM-dd")), ("Rating", nameof(Rating.Good)), ("Text", "乙"))));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).OrderBy(c => c));
        Assert.Single((await app.PairOfAsync(id)).Evaluations);
    }

    // ---------------------------------------------------------------- who sees what

    [Theory]
    [InlineData(Village)]
    [InlineData(District)]
    [InlineData(City)]
    public async Task Should_show_the_pair_without_forms_to_the_village_district_and_city(string account)
    {
        var id = await app.PairAsync(startedAgo: 40);
        var version = (await app.PairOfAsync(id)).Version;
        var client = await app.SignInAsync(account);

        using var page = await client.GetAsync($"/Mentoring/Detail?id={id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.ReadHtmlAsync();
        Assert.Contains("熟悉村务", html.Body?.TextContent);
        Assert.Null(html.QuerySelector("form[data-form=evaluate]"));
        Assert.Null(html.QuerySelector("form[data-form=end]"));

        var token = await client.TokenAsync($"/Mentoring/Detail?id={id}");
        using var evaluate = await client.PostAsync($"/Mentoring/Detail?id={id}&handler=Evaluate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = version.ToString(), ["On"] = Today.ToString("yyyy-MM-dd"), ["Rating"] = nameof(Rating.Good), ["Text"] = "越权", ["__RequestVerificationToken"] = token,
        }));
        using var end = await client.PostAsync($"/Mentoring/Detail?id={id}&handler=End", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = version.ToString(), ["On"] = Today.ToString("yyyy-MM-dd"), ["Reason"] = "越权", ["__RequestVerificationToken"] = token,
        }));

        AssertRefused(evaluate, orNotFound: true);
        AssertRefused(end, orNotFound: true);
        var pair = await app.PairOfAsync(id);
        Assert.Equal((version, 0, (string?)null), (pair.Version, pair.Evaluations.Count, pair.EndReason));
    }

    [Theory]
    [InlineData(OtherTownship)]
    [InlineData(OtherDistrict)]
    public async Task Should_not_find_another_townships_pair(string account)
    {
        var id = await app.PairAsync(startedAgo: 40);
        var client = await app.SignInAsync(account);

        using var page = await client.GetAsync($"/Mentoring/Detail?id={id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var rows = await AllRowsAsync(client, "/Mentoring?State=All");
        Assert.DoesNotContain(rows, r => r.Id == id);
    }

    [Fact]
    public async Task Should_not_let_another_township_evaluate_this_townships_pair()
    {
        var id = await app.PairAsync(startedAgo: 40);
        var version = (await app.PairOfAsync(id)).Version;
        var other = await app.SignInAsync(OtherTownship);
        var token = await other.TokenAsync("/Mentoring");

        using var response = await other.PostAsync($"/Mentoring/Detail?id={id}&handler=Evaluate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = version.ToString(), ["On"] = Today.ToString("yyyy-MM-dd"), ["Rating"] = nameof(Rating.Good), ["Text"] = "越界", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty((await app.PairOfAsync(id)).Evaluations);
    }
}
