using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Reserves.Shadowing;

/// <summary>
/// 跟班学习 over the pages and the real SQLite fixture: the township records and evaluates its
/// reserves' periods; village and district only read; another township's or district's record
/// is not found; a stale evaluation is told (409); refused input comes back as typed (422).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ShadowingPagesTests(AppFixture app)
{
    private const string Township = DemoAccounts.Township;
    private const string Village = "village-440111103201";
    private const string District = "district-440111";
    private static DateOnly Today => TestPeople.Today;

    // ---------------------------------------------------------------- recording

    [Fact]
    public async Task Should_record_a_period_for_a_reserve_of_the_township_and_show_it()
    {
        var (reserveId, name) = await app.ReserveAsync();
        var township = await app.SignInAsync(Township);

        using (var form = await township.GetAsync($"/Shadowing/New?reserveId={reserveId}"))
        {
            var selected = (await form.ReadHtmlAsync()).QuerySelector("select[name=ReserveId] option[selected]");
            Assert.Equal(reserveId.ToString(), selected?.GetAttribute("value"));
        }
        using var response = await township.PostFormAsync($"/Shadowing/New?reserveId={reserveId}", "/Shadowing/New", Fields(reserveId, "党政综合办", Today, Today.AddMonths(3)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var period = await app.WithDbAsync(db => db.Shadowings.AsNoTracking().Include(s => s.Township).SingleAsync(s => s.ReserveId == reserveId));
        Assert.Equal(("党政综合办", Today, Today.AddMonths(3), "440111103"), (period.Department, period.StartOn, period.EndOn, period.Township.Code));
        Assert.Contains(Township, period.CreatedBy);
        Assert.Equal($"/Shadowing/Detail?id={period.Id}", response.Headers.Location?.OriginalString);
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "登记跟班学习" && a.UserName == Township && a.Detail.Contains(name))));

        using var detail = await township.GetAsync(response.Headers.Location!.OriginalString);
        var html = await detail.ReadHtmlAsync();
        Assert.Contains("已登记", html.QuerySelector("[data-testid=flash]")?.TextContent);
        Assert.Equal("党政综合办", html.QuerySelector("[data-testid=department]")?.TextContent);
    }

    [Fact]
    public async Task Should_refuse_an_overlapping_period_keeping_what_was_typed()
    {
        var (reserveId, _) = await app.ReserveAsync();
        await app.ShadowingAsync(reserveId, Today, Today.AddDays(30));
        var township = await app.SignInAsync(Township);

        using var response = await township.PostFormAsync("/Shadowing/New", "/Shadowing/New", Fields(reserveId, "经济发展办", Today.AddDays(20), Today.AddDays(50)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Contains("不能重叠", html.QuerySelector("[data-testid=form-errors]")?.TextContent);
        AssertKept(html, reserveId, "经济发展办", Date(Today.AddDays(20)), Date(Today.AddDays(50)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Shadowings.CountAsync(s => s.ReserveId == reserveId)));
    }

    [Fact]
    public async Task Should_refuse_a_date_that_is_not_a_date_keeping_what_was_typed()
    {
        var (reserveId, _) = await app.ReserveAsync();
        var township = await app.SignInAsync(Township);

        using var response = await township.PostFormAsync("/Shadowing/New", "/Shadowing/New", new Dictionary<string, string>
        {
            ["ReserveId"] = reserveId.ToString(), ["Department"] = "党建办", ["StartOn"] = Date(Today), ["EndOn"] = "2026-13-40",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Contains("结束日期应为日期", html.Body?.TextContent);
        AssertKept(html, reserveId, "党建办", Date(Today), "2026-13-40");
        Assert.False(await app.WithDbAsync(db => db.Shadowings.AnyAsync(s => s.ReserveId == reserveId)));
    }

    [Fact]
    public async Task Should_offer_only_the_townships_reserves_in_the_pool()
    {
        var (pooled, _) = await app.ReserveAsync();
        var selected = await app.CandidateAsync(TestPeople.OwnVillage, ReserveState.Selected);

        using var page = await (await app.SignInAsync(Township)).GetAsync("/Shadowing/New");

        var options = (await page.ReadHtmlAsync()).QuerySelectorAll("select[name=ReserveId] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(pooled.ToString(), options);
        Assert.DoesNotContain(selected.ToString(), options);
    }

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

    [Fact]
    public async Task Should_not_let_a_township_record_or_open_a_reserve_of_another_township()
    {
        var (reserveId, _) = await app.ReserveAsync(await app.VillageCodeAsync("440111", notPrefix: "440111103"));
        var other = await app.ShadowingAsync(reserveId, Today, Today.AddDays(30));
        var township = await app.SignInAsync(Township);

        using (var detail = await township.GetAsync($"/Shadowing/Detail?id={other}"))
            Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        using (var form = await township.GetAsync($"/Shadowing/New?reserveId={reserveId}"))
            Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        using var post = await township.PostFormAsync("/Shadowing/New", "/Shadowing/New", Fields(reserveId, "党建办", Today.AddDays(40), Today.AddDays(50)));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Shadowings.CountAsync(s => s.ReserveId == reserveId)));
    }

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

    // ---------------------------------------------------------------- helpers

    /// <summary>A reserve pooled 60 days ago with a period over yesterday; returns the reserve's name.</summary>
    private async Task<string> EndedAsync(Rating? rating)
    {
        var (reserveId, name) = await app.ReserveAsync(on: Today.AddDays(-60));
        await app.ShadowingAsync(reserveId, Today.AddDays(-50), Today.AddDays(-1), rating: rating);
        return name;
    }

    /// <summary>Reserve name → the 评价 cell, for every row of the list at <paramref name="url"/>.</summary>
    private static async Task<Dictionary<string, string>> ListAsync(HttpClient client, string url)
    {
        using var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (await page.ReadHtmlAsync()).QuerySelectorAll("[data-testid=shadowing-rows] tbody tr")
            .ToDictionary(r => r.QuerySelector("td[data-label=后备人选]")!.TextContent.Trim(),
                r => r.QuerySelector("td[data-label=评价]")!.TextContent.Trim());
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static Dictionary<string, string> Fields(int reserveId, string department, DateOnly start, DateOnly end) => new()
    {
        ["ReserveId"] = reserveId.ToString(), ["Department"] = department, ["StartOn"] = Date(start), ["EndOn"] = Date(end),
    };

    private static void AssertKept(AngleSharp.Dom.IDocument html, int reserveId, string department, string start, string end)
    {
        Assert.Equal(reserveId.ToString(), html.QuerySelector("select[name=ReserveId] option[selected]")?.GetAttribute("value"));
        Assert.Equal(department, html.QuerySelector("input[name=Department]")?.GetAttribute("value"));
        Assert.Equal(start, html.QuerySelector("input[name=StartOn]")?.GetAttribute("value"));
        Assert.Equal(end, html.QuerySelector("input[name=EndOn]")?.GetAttribute("value"));
    }

    private sealed record EvaluationForm(string Action, string Token, string Version)
    {
        public FormUrlEncodedContent With(params (string Name, string Value)[] fields) =>
            new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
                .Append(new("Version", Version))
                .Append(new("__RequestVerificationToken", Token)));
    }

    private static async Task<EvaluationForm> EvaluationFormAsync(HttpClient client, int id)
    {
        using var page = await client.GetAsync($"/Shadowing/Detail?id={id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = (await page.ReadHtmlAsync()).QuerySelector("form[data-testid=evaluation-form]") as IHtmlFormElement;
        Assert.True(form is not null, $"/Shadowing/Detail?id={id} 没有评价表单。");
        return new(System.Net.WebUtility.HtmlDecode(form.GetAttribute("action")!),
            form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            form.QuerySelector("input[name=Version]")!.GetAttribute("value")!);
    }
}
