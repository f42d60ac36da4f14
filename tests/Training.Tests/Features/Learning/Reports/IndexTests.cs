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
        var page = await (await (await app.SignInAsync(DemoAccounts.City)).GetAsync("/Learning/Reports")).ReadHtmlAsync();
        var plain = await app.WithDbAsync(db => PlainLearningCount.EveryUnitAsync(db, Today.Year, Today));

        var ranked = page.QuerySelectorAll("[data-testid=ranking] li").Select(li => li.GetAttribute("data-unit-code")!).ToList();
        var months = page.QuerySelectorAll("[data-testid=months] td[data-month]").Select(td => decimal.Parse(td.TextContent, CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(11, ranked.Count);
        Assert.Equal(ranked.Select(c => plain[c].HoursPerLearner).OrderByDescending(h => h), ranked.Select(c => plain[c].HoursPerLearner));
        Assert.Equal(12, months.Count);
        Assert.Equal(plain["440100"].TotalCenti > 0, months.Sum() > 0);
        Assert.NotNull(page.QuerySelector("script#stats-chart-data[type='application/json']"));
        Assert.NotNull(page.QuerySelector("canvas[data-chart=months]"));
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
