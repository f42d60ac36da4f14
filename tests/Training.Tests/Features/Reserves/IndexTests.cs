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

/// <summary>The page /Reserves.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : ReservesTestBase(appArg)
{
    // ---------------------------------------------------------------- the whole way

    [Fact]
    public async Task Should_take_a_recommendation_through_selection_and_the_pool_to_appointment_recording_each_step()
    {
        var personId = await app.PersonAsync(OwnVillage, "后备测试");
        var village = await app.SignInAsync(Village);

        using (var recommended = await village.PostFormAsync("/Reserves", "/Reserves?handler=Recommend", new Dictionary<string, string>
               {
                   ["PersonId"] = personId.ToString(), ["NewTarget"] = nameof(ReserveTarget.Secretary), ["Comment"] = "群众基础好",
               }))
            Assert.Equal(HttpStatusCode.Redirect, recommended.StatusCode);
        var id = await app.WithDbAsync(db => db.Reserves.Where(r => r.PersonId == personId).Select(r => r.Id).SingleAsync());

        await StepAsync(await app.SignInAsync(Township), id, "Select", "同意推荐", HttpStatusCode.Redirect);
        await StepAsync(await app.SignInAsync(District), id, "PutInPool", "考察合格", HttpStatusCode.Redirect);
        await StepAsync(await app.SignInAsync(District), id, "Appoint", "任村党组织书记", HttpStatusCode.Redirect);

        var r = await LoadAsync(id);
        var today = TimeProvider.System.Today();
        Assert.Equal(ReserveState.Appointed, r.State);
        Assert.Equal(ReserveTarget.Secretary, r.Target);
        Assert.Equal(today, r.InPoolOn);
        Assert.Equal(today, r.LeftPoolOn);
        Assert.Collection(r.Transitions.OrderBy(t => t.Id),
            t => AssertStep(t, ReserveAction.Recommend, null, ReserveState.Recommended, Village, "群众基础好"),
            t => AssertStep(t, ReserveAction.SelectByTownship, ReserveState.Recommended, ReserveState.Selected, Township, "同意推荐"),
            t => AssertStep(t, ReserveAction.PutInPool, ReserveState.Selected, ReserveState.InPool, District, "考察合格"),
            t => AssertStep(t, ReserveAction.Appoint, ReserveState.InPool, ReserveState.Appointed, District, "任村党组织书记"));
    }

    [Fact]
    public async Task Should_select_from_the_township_list_and_pool_from_the_district_list()
    {
        var id = await app.CandidateAsync(OwnVillage);
        var township = await app.SignInAsync(Township);

        var row = await ListFormAsync(township, "/Reserves?State=Recommended", id, "Select");
        using (var selected = await township.PostAsync(row.Action, row.With()))
            Assert.Equal(HttpStatusCode.Redirect, selected.StatusCode);
        var district = await app.SignInAsync(District);
        var pooled = await ListFormAsync(district, "/Reserves?State=Selected", id, "PutInPool");
        using (var done = await district.PostAsync(pooled.Action, pooled.With()))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        Assert.Equal(ReserveState.InPool, (await LoadAsync(id)).State);
    }

    [Fact]
    public async Task Should_list_a_step_taken_and_a_name_corrected_at_once_after_the_list_was_read()
    {
        var id = await app.CandidateAsync(OwnVillage);
        var township = await app.SignInAsync(Township);
        Assert.NotNull(await RowAsync(township, "/Reserves?State=Recommended", id));
        Assert.Null(await RowAsync(township, "/Reserves?State=Selected", id));

        await StepAsync(township, id, "Select", "同意推荐", HttpStatusCode.Redirect);
        Assert.Null(await RowAsync(township, "/Reserves?State=Recommended", id));
        var selected = await RowAsync(township, "/Reserves?State=Selected", id);
        Assert.Equal(nameof(ReserveState.Selected), selected?.GetAttribute("data-state"));

        var renamed = "更名" + Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(async db =>
        {
            var person = await db.Reserves.Where(r => r.Id == id).Select(r => r.Person).SingleAsync();
            person.UpdateContact(renamed, person.Phone, person.PoliticalStatus);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(renamed, (await RowAsync(township, "/Reserves?State=Selected", id))?.QuerySelector("td[data-label=姓名]")?.TextContent);
    }

    private static async Task<AngleSharp.Dom.IElement?> RowAsync(HttpClient client, string url, int id)
    {
        using var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (await page.ReadHtmlAsync()).QuerySelector($"[data-testid=reserve-rows] tr[data-id='{id}']");
    }

    [Fact]
    public async Task Should_draw_the_steps_form_only_when_a_row_offers_a_step()
    {
        await app.CandidateAsync(OwnVillage);

        using var township = await (await app.SignInAsync(Township)).GetAsync("/Reserves?State=Recommended");
        using var village = await (await app.SignInAsync(Village)).GetAsync("/Reserves?State=Recommended");

        Assert.NotNull((await township.ReadHtmlAsync()).QuerySelector("form#reserve-steps"));
        var villageList = await village.ReadHtmlAsync();
        Assert.NotEmpty(villageList.QuerySelectorAll("[data-testid=reserve-rows] tbody tr"));
        Assert.Null(villageList.QuerySelector("form#reserve-steps"));
    }

    [Fact]
    public async Task Should_offer_the_village_its_withdrawal_from_the_list()
    {
        var id = await app.CandidateAsync(OwnVillage);

        using var page = await (await app.SignInAsync(Village)).GetAsync("/Reserves?State=Recommended");

        var link = (await page.ReadHtmlAsync()).QuerySelector($"tr[data-id='{id}'] td[data-label=办理] a");
        Assert.Contains("撤回推荐", link?.TextContent);
        Assert.Equal($"/Reserves/Detail?id={id}", link?.GetAttribute("href"));
    }

    // ---------------------------------------------------------------- who may do what

    [Fact]
    public async Task Should_not_let_a_village_recommend_a_person_of_another_village()
    {
        var stranger = await app.PersonAsync("440111103202", "后备测试");
        var village = await app.SignInAsync(Village);

        using var response = await village.PostFormAsync("/Reserves", "/Reserves?handler=Recommend", new Dictionary<string, string>
        {
            ["PersonId"] = stranger.ToString(), ["NewTarget"] = nameof(ReserveTarget.TwoCommittee),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("未找到该人员", await response.TextAsync());
        Assert.False(await app.WithDbAsync(db => db.Reserves.AnyAsync(r => r.PersonId == stranger)));
    }

    [Fact]
    public async Task Should_refuse_a_second_open_recommendation_of_the_same_person_and_target()
    {
        var id = await app.CandidateAsync(OwnVillage);
        var personId = (await LoadAsync(id)).PersonId;

        using var response = await (await app.SignInAsync(Village)).PostFormAsync("/Reserves", "/Reserves?handler=Recommend",
            new Dictionary<string, string> { ["PersonId"] = personId.ToString(), ["NewTarget"] = nameof(ReserveTarget.TwoCommittee) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("不能重复推荐", await response.TextAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Reserves.CountAsync(r => r.PersonId == personId)));
    }

    [Fact]
    public async Task Should_offer_the_village_only_whom_it_may_still_recommend_naming_the_target_already_held()
    {
        var free = await app.PersonAsync(OwnVillage, "推荐名单");
        var oneTarget = (await LoadAsync(await app.CandidateAsync(OwnVillage))).PersonId; // 两委后备, open
        var bothTargets = (await LoadAsync(await app.CandidateAsync(OwnVillage))).PersonId;
        await app.WithDbAsync(async db =>
        {
            var person = await db.Persons.Include(p => p.Village).SingleAsync(p => p.Id == bothTargets);
            var existing = await db.Reserves.Where(r => r.PersonId == bothTargets).ToListAsync();
            db.Reserves.Add(ReserveCandidate.Recommend(person, person.Village, ReserveTarget.Secretary, "test-village", TestPeople.Today, DateTime.UtcNow, existing));
            return await db.SaveChangesAsync();
        });
        var village = await app.SignInAsync(Village);

        async Task<IHtmlOptionElement?> OfferedAsync(int personId)
        {
            var name = await app.WithDbAsync(db => db.Persons.Where(p => p.Id == personId).Select(p => p.Name).SingleAsync());
            using var page = await village.GetAsync("/Reserves?Pq=" + Uri.EscapeDataString(name));
            return (await page.ReadHtmlAsync()).QuerySelectorAll("select[name=PersonId] option").OfType<IHtmlOptionElement>()
                .SingleOrDefault(o => o.Value == personId.ToString());
        }
        var offeredFree = await OfferedAsync(free);
        var offeredOne = await OfferedAsync(oneTarget);
        var offeredBoth = await OfferedAsync(bothTargets);

        Assert.NotNull(offeredFree);
        Assert.DoesNotContain("已是", offeredFree!.Text);
        Assert.Contains("已是两委后备人选", offeredOne?.Text);
        Assert.Equal(nameof(ReserveTarget.TwoCommittee), offeredOne!.GetAttribute("data-open-target"));
        Assert.Null(offeredBoth);
    }

    [Fact]
    public async Task Should_not_let_a_township_recommend()
    {
        var personId = await app.PersonAsync(OwnVillage, "后备测试");
        var township = await app.SignInAsync(Township);

        using var page = await township.GetAsync("/Reserves");
        Assert.Null((await page.ReadHtmlAsync()).QuerySelector("[data-testid=recommend-form]"));
        using var response = await township.PostFormAsync("/Reserves", "/Reserves?handler=Recommend",
            new Dictionary<string, string> { ["PersonId"] = personId.ToString(), ["NewTarget"] = nameof(ReserveTarget.Secretary) });

        Assert.Contains("/Account/Denied", response.Headers.Location?.ToString() ?? "");
        Assert.False(await app.WithDbAsync(db => db.Reserves.AnyAsync(r => r.PersonId == personId)));
    }

    [Fact]
    public async Task Should_keep_one_candidacy_when_the_same_person_is_recommended_twice_at_once()
    {
        var personId = await app.PersonAsync(OwnVillage, "后备测试");
        var clients = new[] { await app.SignInAsync(Village), await app.SignInAsync(Village), await app.SignInAsync(Village) };
        var fields = new Dictionary<string, string> { ["PersonId"] = personId.ToString(), ["NewTarget"] = nameof(ReserveTarget.Secretary) };

        var responses = await Task.WhenAll(clients.Select(c => c.PostFormAsync("/Reserves", "/Reserves?handler=Recommend", fields)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await app.WithDbAsync(db => db.Reserves.CountAsync(r => r.PersonId == personId)));
    }
}
