using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure.Web;
using static Training.Tests.Features.Reserves.Mentoring.MentoringPages;
using Training.Tests.Infrastructure.Builders;

using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Reserves.Mentoring;

/// <summary>The page /Mentoring/New.</summary>
[Collection(AppCollection.Name)]
public sealed class NewTests(AppFixture appArg) : MentoringTestBase(appArg)
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
    public async Task Should_stop_offering_a_reserve_at_once_when_it_leaves_the_pool_after_the_page_was_read()
    {
        var reserveId = await app.PooledReserveAsync();
        var township = await app.SignInAsync(Township);
        var url = $"/Mentoring/New?reserveId={reserveId}";
        using (var page = await township.GetAsync(url))
            Assert.Equal(reserveId.ToString(), (await page.ReadHtmlAsync()).QuerySelector("select[name=ReserveId] option[selected]")?.GetAttribute("value"));

        await app.WithDbAsync(async db =>
        {
            (await db.Reserves.SingleAsync(r => r.Id == reserveId)).Exit(Today, "外出务工", "test-district", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        using var again = await township.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Null((await again.ReadHtmlAsync()).QuerySelector($"select[name=ReserveId] option[value='{reserveId}']"));
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
        var token = await client.TokenAsync("/Mentoring");
        var body = new Dictionary<string, string>(Fields(reserveId, mentorId)) { ["__RequestVerificationToken"] = token };

        using var response = await client.PostAsync("/Mentoring/New", new FormUrlEncodedContent(body));

        AssertRefused(response, orNotFound: true);
        Assert.False(await app.WithDbAsync(db => db.MentorPairs.AnyAsync(p => p.ReserveId == reserveId)));
    }
}
