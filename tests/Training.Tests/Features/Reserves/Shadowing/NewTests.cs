using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Reserves.Shadowing;

/// <summary>The page /Shadowing/New.</summary>
[Collection(AppCollection.Name)]
public sealed class NewTests(AppFixture appArg) : ShadowingTestBase(appArg)
{
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

    [Fact]
    public async Task Should_offer_a_reserve_put_in_the_pool_after_the_form_was_read()
    {
        // The form's list is kept between views: a candidate entering the pool since must be offered on the next.
        var selected = await app.CandidateAsync(TestPeople.OwnVillage, ReserveState.Selected);
        var township = await app.SignInAsync(Township);
        async Task<List<string?>> OptionsAsync()
        {
            using var page = await township.GetAsync("/Shadowing/New");
            return (await page.ReadHtmlAsync()).QuerySelectorAll("select[name=ReserveId] option").Select(o => o.GetAttribute("value")).ToList();
        }
        Assert.DoesNotContain(selected.ToString(), await OptionsAsync());

        await app.WithDbAsync(async db =>
        {
            var reserve = await db.Reserves.SingleAsync(r => r.Id == selected);
            reserve.PutInPool("test-district", null, Today, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        Assert.Contains(selected.ToString(), await OptionsAsync());
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
}
