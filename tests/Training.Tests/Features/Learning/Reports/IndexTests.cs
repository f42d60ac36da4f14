using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Learning.Reports;

namespace Training.Tests.Features.Learning.Reports;

/// <summary>The page /Learning/Reports (学习统计): a unit's figures for a year, its child units, ranking, months and assignments, in scope only.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    private static DateOnly Today => TestPeople.Today;

    private Task<int> UnitIdAsync(string code) => app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private static int Number(string? text) => int.Parse(text ?? "", NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    public static readonly TheoryData<string, string, HttpStatusCode> Scope = new()
    {
        { DemoAccounts.Township, "440111002", HttpStatusCode.NotFound },   // another township of the same district
        { DemoAccounts.Township, "440111", HttpStatusCode.NotFound },      // above its own unit
        { DemoAccounts.District, "440103", HttpStatusCode.NotFound },
        { DemoAccounts.Village, "440111103", HttpStatusCode.NotFound },
        { DemoAccounts.Township, "440111103201", HttpStatusCode.OK },
        { DemoAccounts.City, "440103", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Scope))]
    public async Task Should_open_the_report_and_its_lists_only_for_units_inside_the_scope(string account, string code, HttpStatusCode expected)
    {
        var unitId = await UnitIdAsync(code);
        var client = await app.SignInAsync(account);

        using var report = await client.GetAsync($"/Learning/Reports?unit={unitId}");
        using var people = await client.GetAsync($"/Learning/Reports/People?figure=Learners&unit={unitId}");

        Assert.Equal(expected, report.StatusCode);
        Assert.Equal(expected, people.StatusCode);
    }

    [Fact]
    public async Task Should_show_a_township_only_its_own_villages_with_the_figures_of_a_plain_recount()
    {
        var page = await (await (await app.SignInAsync(DemoAccounts.Township)).GetAsync("/Learning/Reports")).ReadHtmlAsync();
        var plain = await app.WithDbAsync(db => PlainLearningCount.EveryUnitAsync(db, Today.Year, Today));

        var rows = page.QuerySelectorAll("[data-testid=breakdown] tr[data-unit-code]").ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("440111103", r.GetAttribute("data-unit-code")));
        Assert.Equal(plain["440111103"].Learners, Number(page.QuerySelector("[data-figure=Learners]")?.TextContent));
        Assert.Equal(plain["440111103"].Overdue, Number(page.QuerySelector("[data-figure=Overdue]")?.TextContent));
        Assert.Equal(plain["440111103"].ReachedRate.ToString(), page.QuerySelector("[data-share=reached]")?.TextContent);
        Assert.Equal(LearningFigures.Average(plain["440111103"].HoursPerLearner), page.QuerySelector("[data-figure=HoursPerLearner]")?.TextContent);
        Assert.All(rows, r => Assert.Equal(plain[r.GetAttribute("data-unit-code")!].Learners, Number(r.QuerySelector("td[data-label=应学人数]")?.TextContent)));
    }

    [Fact]
    public async Task Should_rank_the_districts_by_hours_per_learner_and_draw_the_months_without_inline_script()
    {
        var page = await (await (await app.SignInAsync(DemoAccounts.City)).GetAsync("/Learning/Reports?order=rank")).ReadHtmlAsync();
        var plain = await app.WithDbAsync(db => PlainLearningCount.EveryUnitAsync(db, Today.Year, Today));

        var rows = page.QuerySelectorAll("[data-testid=breakdown] tr[data-unit-code]").ToList();
        var ranked = rows.Where(r => r.GetAttribute("data-rank") is { Length: > 0 }).Select(r => r.GetAttribute("data-unit-code")!).ToList();
        var months = page.QuerySelectorAll("[data-testid=months] td[data-month]").Select(td => decimal.Parse(td.TextContent, CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(11, ranked.Count);
        Assert.Equal(ranked.Select(c => plain[c].HoursPerLearner).OrderByDescending(h => h), ranked.Select(c => plain[c].HoursPerLearner));
        Assert.Equal(Enumerable.Range(1, 11).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Take(11).Select(r => r.GetAttribute("data-rank")));
        Assert.Equal(12, months.Count);
        Assert.Equal(plain["440100"].TotalCenti > 0, months.Sum() > 0);
        Assert.NotNull(page.QuerySelector("script#stats-chart-data[type='application/json']"));
        Assert.NotNull(page.QuerySelector("canvas[data-chart=months]"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("&order=rank")]
    public async Task Should_page_a_districts_townships_twenty_at_a_time_each_once_with_its_place_in_the_ranking(string order)
    {
        // A district of a province has hundreds of townships: its report shows them a page at a time, as every long list.
        var client = await app.SignInAsync(DemoAccounts.District);
        var district = await UnitIdAsync("440111");
        var townships = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Parent!.Code == "440111").Select(u => u.Code).ToListAsync());
        var plain = await app.WithDbAsync(db => PlainLearningCount.EveryUnitAsync(db, Today.Year, Today));
        var expectedRanks = townships.Where(c => plain[c].Learners > 0)
            .OrderByDescending(c => plain[c].HoursPerLearner).ThenBy(c => c, StringComparer.Ordinal)
            .Select((c, i) => (c, i + 1)).ToDictionary(x => x.c, x => x.Item2.ToString(CultureInfo.InvariantCulture));

        var seen = new List<(string Code, string? Rank)>();
        for (var up = 1; up <= 3; up++)
        {
            using var response = await client.GetAsHtmxAsync($"/Learning/Reports?unit={district}{order}&up={up}", target: "units");
            var fragment = await response.ReadHtmlAsync();
            Assert.Null(fragment.QuerySelector("[data-testid=figures]")); // the table alone, not the page
            var rows = fragment.QuerySelectorAll("[data-testid=breakdown] tr[data-unit-code]").ToList();
            Assert.True(rows.Count <= 20);
            if (up <= (townships.Count + 19) / 20) seen.AddRange(rows.Select(r => (r.GetAttribute("data-unit-code")!, r.GetAttribute("data-rank"))));
        }

        Assert.True(townships.Count > 20, "the demo district must need two pages");
        Assert.Equal(townships.Order(StringComparer.Ordinal), seen.Select(s => s.Code).Order(StringComparer.Ordinal));
        Assert.All(seen, s => Assert.Equal(expectedRanks.GetValueOrDefault(s.Code), string.IsNullOrEmpty(s.Rank) ? null : s.Rank));
        if (order != "") Assert.Equal(expectedRanks.OrderBy(r => int.Parse(r.Value, CultureInfo.InvariantCulture)).Select(r => r.Key), seen.Select(s => s.Code).Take(expectedRanks.Count));
    }

    [Fact]
    public async Task Should_count_where_the_units_persons_stand_on_each_assignment_as_the_assignment_page_does()
    {
        var course = await app.CourseAsync();
        var id = await app.AssignAsync(course.Id, "440111103", ownerCode: "440111");
        var township = await app.SignInAsync(DemoAccounts.Township);

        var report = await (await township.GetAsync($"/Learning/Reports?unit={await UnitIdAsync("440111103")}")).ReadHtmlAsync();
        var details = await (await township.GetAsync($"/Learning/Assignments/Details/{id}")).ReadHtmlAsync();
        var row = report.QuerySelector($"tr[data-assignment='{id}']");
        var pageWithRow = row is null ? null : report;
        for (var p = 2; row is null && p < 20; p++)
        {
            pageWithRow = await (await township.GetAsync($"/Learning/Reports?unit={await UnitIdAsync("440111103")}&p={p}")).ReadHtmlAsync();
            row = pageWithRow.QuerySelector($"tr[data-assignment='{id}']");
        }

        Assert.NotNull(row);
        Assert.Equal(Number(details.QuerySelector("[data-count=all]")?.TextContent), Number(row.QuerySelector("[data-count=all]")?.TextContent));
        Assert.Equal(Number(details.QuerySelector("[data-count=NotStarted]")?.TextContent), Number(row.QuerySelector("[data-count=NotStarted] a")?.TextContent));
        Assert.Equal(Number(details.QuerySelector("[data-count=Completed]")?.TextContent), Number(row.QuerySelector("[data-count=Completed] a")?.TextContent));
    }

    [Fact]
    public async Task Should_list_an_assignment_made_after_the_report_was_read()
    {
        // The report's unit and its page of assignments are kept between views: a new assignment must show on the next.
        var township = await app.SignInAsync(DemoAccounts.Township);
        var unit = await UnitIdAsync("440111103");
        async Task<bool> ListedAsync(int? id)
        {
            var found = false;
            for (var p = 1; p < 30; p++)
            {
                var page = await (await township.GetAsync($"/Learning/Reports?unit={unit}&p={p}")).ReadHtmlAsync();
                found |= id is { } i && page.QuerySelector($"tr[data-assignment='{i}']") is not null;
                if (!page.QuerySelectorAll("nav.pager a").Any(a => a.TextContent == "下一页")) break;
            }
            return found;
        }
        await ListedAsync(null); // every page read once

        var id = await app.AssignAsync((await app.CourseAsync()).Id, "440111103", ownerCode: "440111");

        Assert.True(await ListedAsync(id));
    }
}
