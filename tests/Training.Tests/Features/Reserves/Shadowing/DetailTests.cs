using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Reserves.Shadowing;

/// <summary>The page /Shadowing/Detail.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailTests(AppFixture appArg) : ShadowingTestBase(appArg)
{
    // ---------------------------------------------------------------- evaluation

    [Fact]
    public async Task Should_evaluate_a_period_that_has_begun()
    {
        var (reserveId, name) = await app.ReserveAsync();
        var id = await app.ShadowingAsync(reserveId, Today, Today.AddDays(30));
        var township = await app.SignInAsync(Township);

        var form = await EvaluationFormAsync(township, id);
        using var response = await township.PostAsync(form.Action, form.With(("Rating", nameof(Rating.Good)), ("Evaluation", "工作认真，进步明显")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var s = await app.ShadowingOfAsync(id);
        Assert.Equal((Rating.Good, "工作认真，进步明显"), (s.Rating, s.Evaluation));
        Assert.Contains(Township, s.EvaluatedBy);
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "评价跟班学习" && a.Detail.Contains(name))));
        using var detail = await township.GetAsync($"/Shadowing/Detail?id={id}");
        Assert.Equal(nameof(Rating.Good), (await detail.ReadHtmlAsync()).QuerySelector("[data-testid=evaluation]")?.GetAttribute("data-rating"));
    }

    [Fact]
    public async Task Should_refuse_an_evaluation_without_a_rating_keeping_the_text()
    {
        var (reserveId, _) = await app.ReserveAsync();
        var id = await app.ShadowingAsync(reserveId, Today, Today.AddDays(30));
        var township = await app.SignInAsync(Township);

        var form = await EvaluationFormAsync(township, id);
        using var response = await township.PostAsync(form.Action, form.With(("Rating", ""), ("Evaluation", "还需努力")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Contains("请选择评价等次", html.QuerySelector("[data-testid=form-errors]")?.TextContent);
        Assert.Equal("还需努力", html.QuerySelector("textarea[name=Evaluation]")?.TextContent);
        Assert.Null((await app.ShadowingOfAsync(id)).Rating);
    }

    [Fact]
    public async Task Should_offer_no_evaluation_before_the_start_and_refuse_one_posted()
    {
        var (reserveId, _) = await app.ReserveAsync();
        var id = await app.ShadowingAsync(reserveId, Today.AddDays(10), Today.AddDays(40));
        var township = await app.SignInAsync(Township);
        var version = (await app.ShadowingOfAsync(id)).Version;

        using (var page = await township.GetAsync($"/Shadowing/Detail?id={id}"))
        {
            var html = await page.ReadHtmlAsync();
            Assert.Null(html.QuerySelector("[data-testid=evaluation-form]"));
            Assert.Equal(nameof(Training.Web.Infrastructure.PeriodPhase.NotStarted), html.QuerySelector("[data-testid=status]")?.GetAttribute("data-status"));
        }
        using var response = await township.PostFormAsync($"/Shadowing/Detail?id={id}", $"/Shadowing/Detail?id={id}", new Dictionary<string, string>
        {
            ["Version"] = version.ToString(), ["Rating"] = nameof(Rating.Good), ["Evaluation"] = "提前评价",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("开始前不能评价", await response.TextAsync());
        Assert.Null((await app.ShadowingOfAsync(id)).Rating);
    }

    [Fact]
    public async Task Should_tell_a_township_evaluating_on_a_stale_page_that_someone_else_evaluated_first()
    {
        var (reserveId, _) = await app.ReserveAsync();
        var id = await app.ShadowingAsync(reserveId, Today, Today.AddDays(30));
        var stale = await app.SignInAsync(Township);
        var staleForm = await EvaluationFormAsync(stale, id);
        var first = await app.SignInAsync(Township);
        var firstForm = await EvaluationFormAsync(first, id);
        using (var done = await first.PostAsync(firstForm.Action, firstForm.With(("Rating", nameof(Rating.Excellent)), ("Evaluation", "先评"))))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        using var response = await stale.PostAsync(staleForm.Action, staleForm.With(("Rating", nameof(Rating.Poor)), ("Evaluation", "后评")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Contains("已被他人修改", html.QuerySelector("[data-testid=form-errors]")?.TextContent);
        Assert.Equal("后评", html.QuerySelector("textarea[name=Evaluation]")?.TextContent);
        var s = await app.ShadowingOfAsync(id);
        Assert.Equal((Rating.Excellent, "先评"), (s.Rating, s.Evaluation));
    }

    [Fact]
    public async Task Should_let_only_one_of_two_concurrent_evaluations_win()
    {
        var (reserveId, _) = await app.ReserveAsync();
        var id = await app.ShadowingAsync(reserveId, Today, Today.AddDays(30));
        var a = await app.SignInAsync(Township);
        var b = await app.SignInAsync(Township);
        var fa = await EvaluationFormAsync(a, id);
        var fb = await EvaluationFormAsync(b, id);

        var responses = await Task.WhenAll(
            a.PostAsync(fa.Action, fa.With(("Rating", nameof(Rating.Good)), ("Evaluation", "甲"))),
            b.PostAsync(fb.Action, fb.With(("Rating", nameof(Rating.Adequate)), ("Evaluation", "乙"))));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).OrderBy(c => c).ToList());
    }

    // ---------------------------------------------------------------- who may do what

    [Theory]
    [InlineData(Village)]
    [InlineData(District)]
    [InlineData("city")]
    public async Task Should_show_other_staff_the_period_without_forms_and_refuse_their_posts(string account)
    {
        var (reserveId, _) = await app.ReserveAsync();
        var id = await app.ShadowingAsync(reserveId, Today, Today.AddDays(30));
        var version = (await app.ShadowingOfAsync(id)).Version;
        var client = await app.SignInAsync(account);

        using (var page = await client.GetAsync($"/Shadowing/Detail?id={id}"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Null((await page.ReadHtmlAsync()).QuerySelector("[data-testid=evaluation-form]"));
        }
        using var evaluate = await client.PostFormAsync($"/Shadowing/Detail?id={id}", $"/Shadowing/Detail?id={id}", new Dictionary<string, string>
        {
            ["Version"] = version.ToString(), ["Rating"] = nameof(Rating.Good), ["Evaluation"] = "越权评价",
        });
        Assert.Contains("/Account/Denied", evaluate.Headers.Location?.ToString() ?? "");
        using var record = await client.PostFormAsync($"/Shadowing/Detail?id={id}", "/Shadowing/New", Fields(reserveId, "越权登记", Today.AddDays(40), Today.AddDays(50)));
        Assert.Contains("/Account/Denied", record.Headers.Location?.ToString() ?? "");

        var s = await app.ShadowingOfAsync(id);
        Assert.Equal((version, (Rating?)null), (s.Version, s.Rating));
        Assert.Equal(1, await app.WithDbAsync(db => db.Shadowings.CountAsync(x => x.ReserveId == reserveId)));
    }

    [Theory]
    [InlineData("township-440103001")]
    [InlineData("district-440103")]
    public async Task Should_not_find_a_period_of_another_township_or_district(string account)
    {
        var (reserveId, name) = await app.ReserveAsync();
        var id = await app.ShadowingAsync(reserveId, Today, Today.AddDays(30));
        var version = (await app.ShadowingOfAsync(id)).Version;
        var client = await app.SignInAsync(account);

        using (var page = await client.GetAsync($"/Shadowing/Detail?id={id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain(name, await page.TextAsync());
        }
        using (var list = await client.GetAsync("/Shadowing"))
            Assert.DoesNotContain(name, await list.TextAsync());
        using var evaluate = await client.PostFormAsync("/Shadowing", $"/Shadowing/Detail?id={id}", new Dictionary<string, string>
        {
            ["Version"] = version.ToString(), ["Rating"] = nameof(Rating.Poor), ["Evaluation"] = "越界评价",
        });
        Assert.Equal(HttpStatusCode.NotFound, evaluate.StatusCode);
        Assert.Null((await app.ShadowingOfAsync(id)).Rating);
    }
}
