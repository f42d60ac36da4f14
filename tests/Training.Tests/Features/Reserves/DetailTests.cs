using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Tests.Features.Reserves.Shadowing;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Reserves;

/// <summary>The page /Reserves/Detail.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailTests(AppFixture appArg) : ReservesTestBase(appArg)
{
    [Fact]
    public async Task Should_record_the_post_taken_when_appointing_from_the_reserves_page()
    {
        var id = await app.CandidateAsync(OwnVillage, ReserveState.InPool);
        var district = await app.SignInAsync(District);
        var form = await DetailFormAsync(district, id, "Appoint");

        using (var response = await district.PostAsync(form.Action, form.With(("Post", nameof(PostType.CommitteeDirector)), ("Comment", ""))))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var r = await LoadAsync(id);
        Assert.Equal(ReserveState.Appointed, r.State);
        var posts = await app.WithDbAsync(db => db.Posts.Where(p => p.PersonId == r.PersonId).Select(p => new { p.Type, p.StartDate, p.EndDate, p.Village.Code }).ToListAsync());
        var post = Assert.Single(posts);
        Assert.Equal((PostType.CommitteeDirector, TimeProvider.System.Today(), (DateOnly?)null, OwnVillage), (post.Type, post.StartDate, post.EndDate, post.Code));
        Assert.Contains("村(居)委会主任", r.Transitions.OrderBy(t => t.Id).Last().Comment);
    }

    // ---------------------------------------------------------------- declines and exit

    [Fact]
    public async Task Should_decline_at_the_township_with_the_reason_shown_in_the_timeline()
    {
        var id = await app.CandidateAsync(OwnVillage);

        await StepAsync(await app.SignInAsync(Township), id, "DeclineByTownship", "群众评议不足", HttpStatusCode.Redirect);

        var r = await LoadAsync(id);
        Assert.Equal(ReserveState.Declined, r.State);
        Assert.Equal("群众评议不足", r.Reason);
        using var page = await (await app.SignInAsync(Village)).GetAsync($"/Reserves/Detail?id={id}");
        var timeline = (await page.ReadHtmlAsync()).QuerySelector("[data-testid=reserve-timeline]")?.TextContent ?? "";
        Assert.Contains("镇（街）不予选定", timeline);
        Assert.Contains("群众评议不足", timeline);
        Assert.Contains(Township, timeline);
    }

    [Fact]
    public async Task Should_decline_at_the_district_and_exit_a_pooled_reserve_with_a_reason()
    {
        var declined = await app.CandidateAsync(OwnVillage, ReserveState.Selected);
        var exited = await app.CandidateAsync(OwnVillage, ReserveState.InPool);
        var district = await app.SignInAsync(District);

        await StepAsync(district, declined, "DeclineByDistrict", "考察不合格", HttpStatusCode.Redirect);
        await StepAsync(district, exited, "Exit", "外出务工", HttpStatusCode.Redirect);

        Assert.Equal((ReserveState.Declined, "考察不合格"), ((await LoadAsync(declined)).State, (await LoadAsync(declined)).Reason));
        var e = await LoadAsync(exited);
        Assert.Equal((ReserveState.Exited, "外出务工", TimeProvider.System.Today()), (e.State, e.Reason, e.LeftPoolOn));
    }

    [Fact]
    public async Task Should_refuse_a_decline_without_a_reason_and_keep_the_state()
    {
        var id = await app.CandidateAsync(OwnVillage);

        using var response = await StepAsync(await app.SignInAsync(Township), id, "DeclineByTownship", "", HttpStatusCode.UnprocessableEntity);

        Assert.Contains("不予选定须填写原因", await response.TextAsync());
        Assert.Equal(ReserveState.Recommended, (await LoadAsync(id)).State);
    }

    [Fact]
    public async Task Should_ask_for_confirmation_before_a_decline_or_exit()
    {
        var id = await app.CandidateAsync(OwnVillage, ReserveState.InPool);
        using var page = await (await app.SignInAsync(District)).GetAsync($"/Reserves/Detail?id={id}");

        var exit = (await page.ReadHtmlAsync()).QuerySelector("form[data-step=Exit] button");
        Assert.NotNull(exit?.GetAttribute("data-confirm"));
    }

    [Fact]
    public async Task Should_let_the_village_withdraw_its_recommendation_with_a_reason()
    {
        var id = await app.CandidateAsync(OwnVillage);

        await StepAsync(await app.SignInAsync(Village), id, "Withdraw", "本人要求撤回", HttpStatusCode.Redirect);

        var r = await LoadAsync(id);
        Assert.Equal((ReserveState.Exited, "本人要求撤回", (DateOnly?)null, (DateOnly?)null), (r.State, r.Reason, r.InPoolOn, r.LeftPoolOn));
        AssertStep(r.Transitions.OrderBy(t => t.Id).Last(), ReserveAction.Exit, ReserveState.Recommended, ReserveState.Exited, Village, "本人要求撤回");
    }

    [Fact]
    public async Task Should_let_the_township_take_a_selected_candidate_out_with_a_reason()
    {
        var id = await app.CandidateAsync(OwnVillage, ReserveState.Selected);

        await StepAsync(await app.SignInAsync(Township), id, "Exit", "群众反映问题", HttpStatusCode.Redirect);

        var r = await LoadAsync(id);
        Assert.Equal((ReserveState.Exited, "群众反映问题", (DateOnly?)null), (r.State, r.Reason, r.LeftPoolOn));
        AssertStep(r.Transitions.OrderBy(t => t.Id).Last(), ReserveAction.Exit, ReserveState.Selected, ReserveState.Exited, Township, "群众反映问题");
    }

    [Theory]
    [InlineData(Village, ReserveState.Recommended, "Withdraw")]
    [InlineData(Township, ReserveState.Selected, "Exit")]
    public async Task Should_refuse_a_withdrawal_or_exit_without_a_reason_and_ask_for_confirmation(string account, ReserveState state, string step)
    {
        var id = await app.CandidateAsync(OwnVillage, state);
        var client = await app.SignInAsync(account);
        using (var page = await client.GetAsync($"/Reserves/Detail?id={id}"))
        {
            var button = (await page.ReadHtmlAsync()).QuerySelector($"form[data-step={step}] button");
            Assert.NotNull(button?.GetAttribute("data-confirm"));
        }

        using var response = await StepAsync(client, id, step, " ", HttpStatusCode.UnprocessableEntity);

        Assert.Contains("须填写原因", await response.TextAsync());
        Assert.Equal(state, (await LoadAsync(id)).State);
    }

    [Theory]
    [InlineData(Village, ReserveState.Recommended, "Select")]
    [InlineData(District, ReserveState.Recommended, "Select")]
    [InlineData(Township, ReserveState.Selected, "PutInPool")]
    [InlineData(Township, ReserveState.InPool, "Appoint")]
    [InlineData(District, ReserveState.Selected, "Select")]
    [InlineData(Village, ReserveState.Selected, "Withdraw")]   // withdrawn only while 村推
    [InlineData(Village, ReserveState.InPool, "Withdraw")]
    [InlineData(Village, ReserveState.Selected, "Exit")]
    [InlineData(Township, ReserveState.Recommended, "Withdraw")] // the township declines instead
    [InlineData(District, ReserveState.Recommended, "Withdraw")]
    [InlineData(Township, ReserveState.Recommended, "Exit")]
    [InlineData(Township, ReserveState.InPool, "Exit")]        // out of the pool: the district
    [InlineData(District, ReserveState.Selected, "Exit")]      // before the pool: the district declines
    [InlineData(District, ReserveState.Recommended, "Exit")]
    public async Task Should_refuse_a_step_that_is_not_the_accounts_turn(string account, ReserveState state, string step)
    {
        var id = await app.CandidateAsync(OwnVillage, state);
        var version = (await LoadAsync(id)).Version;
        var client = await app.SignInAsync(account);

        using var response = await client.PostFormAsync($"/Reserves/Detail?id={id}", $"/Reserves/Detail?id={id}&step={step}",
            new Dictionary<string, string> { ["Version"] = version.ToString(), ["Comment"] = "理由" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("您不能办理", await response.TextAsync());
        var after = await LoadAsync(id);
        Assert.Equal((state, version), (after.State, after.Version));
    }

    // ---------------------------------------------------------------- concurrency

    [Fact]
    public async Task Should_let_only_one_of_two_concurrent_selections_win()
    {
        var id = await app.CandidateAsync(OwnVillage);
        var first = await app.SignInAsync(Township);
        var second = await app.SignInAsync(Township);
        var a = await DetailFormAsync(first, id, "Select");
        var b = await DetailFormAsync(second, id, "DeclineByTownship");

        var responses = await Task.WhenAll(
            first.PostAsync(a.Action, a.With(("Comment", "同意"))),
            second.PostAsync(b.Action, b.With(("Comment", "不同意"))));

        var codes = responses.Select(r => r.StatusCode).OrderBy(c => c).ToList();
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], codes);
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains(CommonTexts.Changed, await loser.TextAsync());
        var r = await LoadAsync(id);
        Assert.Equal(2, r.Transitions.Count);
        Assert.Contains(r.State, new[] { ReserveState.Selected, ReserveState.Declined });
    }

    [Fact]
    public async Task Should_tell_an_account_acting_on_a_stale_page_that_someone_else_acted_first()
    {
        var id = await app.CandidateAsync(OwnVillage);
        var township = await app.SignInAsync(Township);
        var stale = await DetailFormAsync(township, id, "Select");
        await StepAsync(await app.SignInAsync(Township), id, "Select", "先办", HttpStatusCode.Redirect);

        using var response = await township.PostAsync(stale.Action, stale.With(("Comment", "后办")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(CommonTexts.Changed, await response.TextAsync());
        Assert.Equal(2, (await LoadAsync(id)).Transitions.Count);
    }

    // ---------------------------------------------------------------- the person's page

    [Fact]
    public async Task Should_show_the_candidacy_and_its_timeline_on_the_persons_page()
    {
        var id = await app.CandidateAsync(OwnVillage, ReserveState.Selected);
        var personId = (await LoadAsync(id)).PersonId;

        using var page = await (await app.SignInAsync(District)).GetAsync($"/Persons/Details/{personId}");

        var html = await page.ReadHtmlAsync();
        var card = html.QuerySelector("[data-testid=person-reserve]");
        Assert.NotNull(card);
        Assert.Equal(nameof(ReserveState.Selected), card.GetAttribute("data-state"));
        Assert.Contains("镇（街）选定", card.TextContent);
        Assert.Contains("村推荐", card.TextContent);
    }

    // ---------------------------------------------------------------- 结对帮带 and 跟班学习 on the candidate's page

    [Fact]
    public async Task Should_list_the_candidacys_mentor_pairs_and_shadowing_on_its_page()
    {
        var (id, _) = await app.ReserveAsync(OwnVillage, on: TestPeople.Today.AddDays(-100));
        var (pairId, mentorName) = await PairAsync(id, startDaysAgo: 95); // never evaluated: overdue
        var shadowingId = await app.ShadowingAsync(id, TestPeople.Today.AddDays(-10), TestPeople.Today.AddDays(20), "党建办", Rating.Good);

        using var page = await (await app.SignInAsync(Township)).GetAsync($"/Reserves/Detail?id={id}");

        var html = await page.ReadHtmlAsync();
        var pair = html.QuerySelector($"[data-testid=reserve-mentoring] tr[data-id='{pairId}']");
        Assert.NotNull(pair);
        Assert.Contains(mentorName, pair.TextContent);
        Assert.Equal("true", pair.GetAttribute("data-overdue"));
        Assert.Contains("尚未评价", pair.TextContent);
        Assert.NotNull(pair.QuerySelector($"a[href='/Mentoring/Detail?id={pairId}']"));
        var period = html.QuerySelector($"[data-testid=reserve-shadowing] tr[data-id='{shadowingId}']");
        Assert.NotNull(period);
        Assert.Contains("党建办", period.TextContent);
        Assert.Contains("良好", period.TextContent);
        Assert.NotNull(period.QuerySelector($"a[href='/Shadowing/Detail?id={shadowingId}']"));
        Assert.NotNull(html.QuerySelector($"a[data-testid=new-pair][href='/Mentoring/New?reserveId={id}']"));
        Assert.NotNull(html.QuerySelector($"a[data-testid=new-shadowing][href='/Shadowing/New?reserveId={id}']"));
    }

    [Fact]
    public async Task Should_show_a_pair_and_a_shadowing_period_arranged_after_the_page_was_read_at_once()
    {
        var (id, _) = await app.ReserveAsync(OwnVillage, on: TestPeople.Today.AddDays(-100));
        var township = await app.SignInAsync(Township);
        var url = $"/Reserves/Detail?id={id}";
        Assert.Empty((await (await township.GetAsync(url)).ReadHtmlAsync()).QuerySelectorAll("[data-testid=reserve-mentoring] tr[data-id]"));

        var (pairId, _) = await PairAsync(id, startDaysAgo: 10);
        var afterPair = await (await township.GetAsync(url)).ReadHtmlAsync();
        var shadowingId = await app.ShadowingAsync(id, TestPeople.Today.AddDays(-10), TestPeople.Today.AddDays(20), "党建办", Rating.Good);
        var afterShadowing = await (await township.GetAsync(url)).ReadHtmlAsync();

        Assert.NotNull(afterPair.QuerySelector($"[data-testid=reserve-mentoring] tr[data-id='{pairId}']"));
        Assert.NotNull(afterShadowing.QuerySelector($"[data-testid=reserve-shadowing] tr[data-id='{shadowingId}']"));
    }

    [Fact]
    public async Task Should_show_an_evaluated_pair_as_not_overdue_and_offer_no_arrangement_to_the_district()
    {
        var (id, _) = await app.ReserveAsync(OwnVillage, on: TestPeople.Today.AddDays(-100));
        var (pairId, _) = await PairAsync(id, startDaysAgo: 95, evaluatedDaysAgo: 5);

        using var page = await (await app.SignInAsync(District)).GetAsync($"/Reserves/Detail?id={id}");

        var html = await page.ReadHtmlAsync();
        var pair = html.QuerySelector($"[data-testid=reserve-mentoring] tr[data-id='{pairId}']");
        Assert.Equal("false", pair?.GetAttribute("data-overdue"));
        Assert.Contains(TestPeople.Today.AddDays(-5).ToString("yyyy-MM-dd"), pair?.TextContent);
        Assert.Null(html.QuerySelector("a[data-testid=new-pair]"));
        Assert.Null(html.QuerySelector("a[data-testid=new-shadowing]"));
    }

    [Fact]
    public async Task Should_offer_the_township_no_arrangement_for_a_candidate_not_in_the_pool()
    {
        var id = await app.CandidateAsync(OwnVillage, ReserveState.Selected);

        using var page = await (await app.SignInAsync(Township)).GetAsync($"/Reserves/Detail?id={id}");

        var html = await page.ReadHtmlAsync();
        Assert.NotNull(html.QuerySelector("[data-testid=reserve-mentoring]"));
        Assert.Null(html.QuerySelector("a[data-testid=new-pair]"));
        Assert.Null(html.QuerySelector("a[data-testid=new-shadowing]"));
    }
}
