using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure.Web;
using static Training.Tests.Features.Reserves.Mentoring.MentoringPages;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Reserves.Mentoring;

/// <summary>The page /Mentoring.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : MentoringTestBase(appArg)
{
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

    [Fact]
    public async Task Should_show_an_evaluation_and_a_mentors_post_ending_at_once_after_the_list_was_read()
    {
        var id = await app.PairAsync(startedAgo: 100);
        var township = await app.SignInAsync(Township);
        Assert.Contains(await AllRowsAsync(township, "/Mentoring?Overdue=true"), r => r.Id == id);
        var mentorCell = (await AllRowsAsync(township, "/Mentoring")).Single(r => r.Id == id).Row.QuerySelector("td[data-label=帮带人]");
        Assert.Contains("党组织书记", mentorCell?.TextContent);

        await app.WithDbAsync(async db =>
        {
            var pair = await db.MentorPairs.SingleAsync(p => p.Id == id);
            pair.Evaluate(Today, Rating.Good, "进步明显", "test-township", DateTime.UtcNow, Today);
            var mentor = await db.Persons.Include(p => p.Posts).SingleAsync(p => p.Id == pair.MentorId);
            foreach (var post in mentor.Posts.ToList()) mentor.ChangePostEnd(post, Today.AddDays(-1));
            return await db.SaveChangesAsync();
        });

        Assert.DoesNotContain(await AllRowsAsync(township, "/Mentoring?Overdue=true"), r => r.Id == id);
        mentorCell = (await AllRowsAsync(township, "/Mentoring")).Single(r => r.Id == id).Row.QuerySelector("td[data-label=帮带人]");
        Assert.DoesNotContain("党组织书记", mentorCell?.TextContent);
    }
}
