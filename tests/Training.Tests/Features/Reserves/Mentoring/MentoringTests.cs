using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure.Web;
using static Training.Tests.Features.Reserves.Mentoring.MentoringPages;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Reserves.Mentoring;

/// <summary>
/// 结对帮带 over the pages and the real SQLite fixture: the township pairs, evaluates and ends;
/// everyone of the scope sees, nobody else; the 90-day overdue list; two accounts at once.
/// Every test makes its own reserves, cadres and pairs.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MentoringTests(AppFixture app)
{

    // ---------------------------------------------------------------- the township pairs

    [Fact]
    public async Task Should_let_the_township_pair_a_pooled_reserve_with_a_serving_cadre()
    {
        var reserveId = await app.PooledReserveAsync();
        var mentorId = await app.PersonAsync(TestPeople.OwnVillage, "帮带", cadreSince: TestPeople.Today.AddYears(-2));
        var mentorName = await app.WithDbAsync(db => db.Persons.Where(p => p.Id == mentorId).Select(p => p.Name).SingleAsync());
        var township = await app.SignInAsync(Township);

        using (var form = await township.GetAsync($"/Mentoring/New?reserveId={reserveId}&Mq={Uri.EscapeDataString(mentorName)}"))
        {
            var html = await form.ReadHtmlAsync();
            Assert.Equal(reserveId.ToString(), html.QuerySelector("select[name=ReserveId] option[selected]")?.GetAttribute("value"));
            Assert.Contains("村(居)委会委员", html.QuerySelector($"select[name=MentorId] option[value='{mentorId}']")?.TextContent);
            Assert.Equal(Today.ToString("yyyy-MM-dd"), html.QuerySelector("input[name=StartOn]")?.GetAttribute("value"));
            Assert.Equal(Today.AddYears(1).ToString("yyyy-MM-dd"), html.QuerySelector("input[name=EndOn]")?.GetAttribute("value"));
        }

        using var response = await township.PostFormAsync($"/Mentoring/New?reserveId={reserveId}", "/Mentoring/New",
            Fields(reserveId, mentorId, goals: "一年内能独立主持村民议事会"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var pair = await app.WithDbAsync(db => db.MentorPairs.AsNoTracking().SingleAsync(p => p.ReserveId == reserveId));
        Assert.Equal($"/Mentoring/Detail?id={pair.Id}", response.Headers.Location?.ToString());
        Assert.Equal((mentorId, Today, Today.AddYears(1), "一年内能独立主持村民议事会"), (pair.MentorId, pair.StartOn, pair.EndOn, pair.Goals));
        Assert.Contains(Township, pair.CreatedBy);
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.UserName == Township && a.Action == "建立结对帮带" && a.Detail.Contains(mentorName))));

        using var detail = await township.GetAsync(response.Headers.Location!.ToString());
        var text = await detail.TextAsync();
        Assert.Contains("已为", text);
        Assert.Contains(mentorName, text);
        Assert.Contains("一年内能独立主持村民议事会", text);
    }

    [Fact]
    public async Task Should_refuse_a_mentor_who_is_not_a_serving_cadre_keeping_what_was_typed()
    {
        var reserveId = await app.PooledReserveAsync();
        var plain = await app.PersonAsync(TestPeople.OwnVillage, "群众");
        var township = await app.SignInAsync(Township);

        using var response = await township.PostFormAsync("/Mentoring/New", "/Mentoring/New",
            Fields(reserveId, plain, goals: "学习村务管理"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Contains("不是在职的村（社区）两委干部，不能担任帮带人", html.QuerySelector("[data-testid=form-errors]")?.TextContent);
        Assert.Equal("学习村务管理", html.QuerySelector("textarea[name=Goals]")?.TextContent);
        Assert.Equal(reserveId.ToString(), html.QuerySelector("select[name=ReserveId] option[selected]")?.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.MentorPairs.AnyAsync(p => p.ReserveId == reserveId)));
    }

    [Fact]
    public async Task Should_refuse_a_second_pairing_of_a_reserve_that_has_a_mentor()
    {
        var pairId = await app.PairAsync(startedAgo: 5);
        var reserveId = (await app.PairOfAsync(pairId)).ReserveId;
        var mentorId = await app.PersonAsync(TestPeople.OwnVillage, "帮带", cadreSince: TestPeople.Today.AddYears(-2));
        var township = await app.SignInAsync(Township);

        using (var page = await township.GetAsync("/Mentoring/New"))
            Assert.Null((await page.ReadHtmlAsync()).QuerySelector($"select[name=ReserveId] option[value='{reserveId}']"));
        using var response = await township.PostFormAsync("/Mentoring/New", "/Mentoring/New", Fields(reserveId, mentorId));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("不能重复结对", await response.TextAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.MentorPairs.CountAsync(p => p.ReserveId == reserveId)));
    }

    [Fact]
    public async Task Should_not_let_another_township_pair_this_townships_reserve()
    {
        var reserveId = await app.PooledReserveAsync();
        var mentorId = await app.PersonAsync(TestPeople.OwnVillage, "帮带", cadreSince: TestPeople.Today.AddYears(-2));
        var other = await app.SignInAsync(OtherTownship);

        using (var page = await other.GetAsync($"/Mentoring/New?reserveId={reserveId}"))
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using var response = await other.PostFormAsync("/Mentoring/New", "/Mentoring/New", Fields(reserveId, mentorId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.MentorPairs.AnyAsync(p => p.ReserveId == reserveId)));
    }

    [Theory]
    [InlineData(Village)]
    [InlineData(District)]
    [InlineData(City)]
    public async Task Should_let_only_the_township_start_a_pair(string account)
    {
        var reserveId = await app.PooledReserveAsync();
        var mentorId = await app.PersonAsync(TestPeople.OwnVillage, "帮带", cadreSince: TestPeople.Today.AddYears(-2));
        var client = await app.SignInAsync(account);
        var token = await TokenAsync(client, "/Mentoring");
        var body = new Dictionary<string, string>(Fields(reserveId, mentorId)) { ["__RequestVerificationToken"] = token };

        using var response = await client.PostAsync("/Mentoring/New", new FormUrlEncodedContent(body));

        AssertRefused(response);
        Assert.False(await app.WithDbAsync(db => db.MentorPairs.AnyAsync(p => p.ReserveId == reserveId)));
    }

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

        var token = await TokenAsync(client, $"/Mentoring/Detail?id={id}");
        using var evaluate = await client.PostAsync($"/Mentoring/Detail?id={id}&handler=Evaluate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = version.ToString(), ["On"] = Today.ToString("yyyy-MM-dd"), ["Rating"] = nameof(Rating.Good), ["Text"] = "越权", ["__RequestVerificationToken"] = token,
        }));
        using var end = await client.PostAsync($"/Mentoring/Detail?id={id}&handler=End", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = version.ToString(), ["On"] = Today.ToString("yyyy-MM-dd"), ["Reason"] = "越权", ["__RequestVerificationToken"] = token,
        }));

        AssertRefused(evaluate);
        AssertRefused(end);
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
        var token = await TokenAsync(other, "/Mentoring");

        using var response = await other.PostAsync($"/Mentoring/Detail?id={id}&handler=Evaluate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = version.ToString(), ["On"] = Today.ToString("yyyy-MM-dd"), ["Rating"] = nameof(Rating.Good), ["Text"] = "越界", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty((await app.PairOfAsync(id)).Evaluations);
    }

    // ---------------------------------------------------------------- the overdue list

    [Fact]
    public async Task Should_list_a_pair_without_evaluation_for_100_days_as_overdue_and_not_one_evaluated_10_days_ago()
    {
        var overdue = await app.PairAsync(startedAgo: 100);
        var evaluated = await app.PairAsync(startedAgo: 100, evaluatedAgo: 10);
        var township = await app.SignInAsync(Township);

        using (var page = await township.GetAsync("/Mentoring"))
        {
            var html = await page.ReadHtmlAsync();
            var count = html.QuerySelector("[data-testid=overdue-count]");
            Assert.True(int.Parse(count!.GetAttribute("data-count")!) >= 1);
            Assert.Contains("对结对帮带 90 天以上未评价", count.TextContent);
            Assert.Equal("/Mentoring?Overdue=true", html.QuerySelector("[data-testid=overdue-link]")?.GetAttribute("href"));
        }

        var overdueRows = await AllRowsAsync(township, "/Mentoring?Overdue=true");
        var row = Assert.Single(overdueRows, r => r.Id == overdue).Row;
        Assert.Equal("true", row.GetAttribute("data-overdue"));
        Assert.Contains("暂无", row.TextContent);
        Assert.DoesNotContain(overdueRows, r => r.Id == evaluated);
        Assert.All(overdueRows, r => Assert.Equal("true", r.Row.GetAttribute("data-overdue")));

        var activeRows = await AllRowsAsync(township, "/Mentoring");
        var evaluatedRow = Assert.Single(activeRows, r => r.Id == evaluated).Row;
        Assert.Equal("false", evaluatedRow.GetAttribute("data-overdue"));
        Assert.Contains(Today.AddDays(-10).ToString("yyyy-MM-dd"), evaluatedRow.TextContent);
        Assert.Contains("进行中", evaluatedRow.TextContent);

        using var detail = await township.GetAsync($"/Mentoring/Detail?id={overdue}");
        Assert.NotNull((await detail.ReadHtmlAsync()).QuerySelector("[data-testid=overdue-warning]"));
        using var fine = await township.GetAsync($"/Mentoring/Detail?id={evaluated}");
        Assert.Null((await fine.ReadHtmlAsync()).QuerySelector("[data-testid=overdue-warning]"));
    }

    [Fact]
    public async Task Should_sort_the_overdue_list_longest_without_evaluation_first()
    {
        var longer = await app.PairAsync(startedAgo: 300, evaluatedAgo: 250);
        var shorter = await app.PairAsync(startedAgo: 95);

        var rows = await AllRowsAsync(await app.SignInAsync(District), "/Mentoring?Overdue=true");

        var ids = rows.Select(r => r.Id).ToList();
        Assert.True(ids.IndexOf(longer) >= 0 && ids.IndexOf(longer) < ids.IndexOf(shorter), "未评价时间最长的应排在前面。");
    }

    [Fact]
    public async Task Should_filter_by_state_running_by_default()
    {
        var running = await app.PairAsync(startedAgo: 10);
        var finished = await app.PairAsync(startedAgo: 400); // planned for a year: over 35 days ago
        var village = await app.SignInAsync(Village);

        var active = await AllRowsAsync(village, "/Mentoring");
        var over = await AllRowsAsync(village, "/Mentoring?State=Ended");
        var all = await AllRowsAsync(village, "/Mentoring?State=All");

        Assert.Contains(active, r => r.Id == running);
        Assert.DoesNotContain(active, r => r.Id == finished);
        Assert.Contains(over, r => r.Id == finished && r.Row.TextContent.Contains("已结束"));
        Assert.DoesNotContain(over, r => r.Id == running);
        Assert.Contains(all, r => r.Id == running);
        Assert.Contains(all, r => r.Id == finished);
    }

    [Fact]
    public async Task Should_answer_htmx_with_the_rows_only_and_vary_on_the_header()
    {
        await app.PairAsync(startedAgo: 10);
        var township = await app.SignInAsync(Township);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Mentoring?State=All");
        request.Headers.Add("HX-Request", "true");

        using var response = await township.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HX-Request", response.Headers.Vary);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"mentoring-rows\"", body);
        Assert.DoesNotContain("<h1>", body);
    }

    [Fact]
    public async Task Should_show_the_mentors_post_in_the_list()
    {
        var id = await app.PairAsync(startedAgo: 10);
        var rows = await AllRowsAsync(await app.SignInAsync(Township), "/Mentoring");
        var row = Assert.Single(rows, r => r.Id == id).Row;
        Assert.Contains("党组织书记", row.QuerySelector("td[data-label=帮带人]")?.TextContent);
    }

    // ---------------------------------------------------------------- helpers

    private static Dictionary<string, string> Fields(int reserveId, int mentorId, string goals = "熟悉村务") => new()
    {
        ["ReserveId"] = reserveId.ToString(),
        ["MentorId"] = mentorId.ToString(),
        ["StartOn"] = Today.ToString("yyyy-MM-dd"),
        ["EndOn"] = Today.AddYears(1).ToString("yyyy-MM-dd"),
        ["Goals"] = goals,
    };

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        using var page = await client.GetAsync(url);
        return (await page.ReadHtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{url} has no antiforgery token.");
    }

    /// <summary>403, 404, or the redirect to /Account/Denied that a refused role gets.</summary>
    private static void AssertRefused(HttpResponseMessage response)
    {
        var denied = response.StatusCode == HttpStatusCode.Redirect
            && (response.Headers.Location?.ToString() ?? "").Contains("/Account/Denied", StringComparison.Ordinal);
        Assert.True(denied || response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
            $"应拒绝，实际 {(int)response.StatusCode} {response.Headers.Location}");
    }
}
