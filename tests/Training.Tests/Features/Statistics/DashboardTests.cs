using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Web.Features.Demo;
using Training.Web.Features.Statistics;
using Training.Tests.Infrastructure;

namespace Training.Tests.Features.Statistics;

/// <summary>
/// The dashboard reads the latest snapshot (hand-written here, dated after any other so that
/// it is the latest), every number opens the persons behind it, and CityAdmin's 立即计算
/// enqueues the snapshot job and polls it to the end.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class DashboardTests(AppFixture app)
{
    private static readonly DateOnly Report2019 = new(2019, 12, 31);

    private sealed record Unit(int Id, string Code, string Name, string Path, int? ParentId);

    private Task<List<Unit>> UnitsAsync(params string[] codes) =>
        app.WithDbAsync(db => db.OrgUnits.AsNoTracking().Where(u => codes.Contains(u.Code))
            .Select(u => new Unit(u.Id, u.Code, u.Name, u.Path, u.ParentId)).ToListAsync());

    private Task<List<Unit>> ChildrenAsync(int parentId) =>
        app.WithDbAsync(db => db.OrgUnits.AsNoTracking().Where(u => u.ParentId == parentId).OrderBy(u => u.Code)
            .Select(u => new Unit(u.Id, u.Code, u.Name, u.Path, u.ParentId)).ToListAsync());

    /// <summary>A date after every stored snapshot, so that the one written for it is the latest.</summary>
    private Task<DateOnly> NextDateAsync() =>
        app.WithDbAsync(async db =>
        {
            var last = await db.StatisticsSnapshots.MaxAsync(s => (DateOnly?)s.AsOf);
            var floor = new DateOnly(2100, 1, 1);
            return last is { } d && d >= floor ? d.AddDays(1) : floor;
        });

    private async Task<StatisticsSnapshot> WriteSnapshotAsync(DateOnly asOf, Dictionary<int, Figures> figures)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<ComputeSnapshotJob>().WriteAsync(asOf, figures, "测试", CancellationToken.None);
        return await app.WithDbAsync(db => db.StatisticsSnapshots.AsNoTracking().SingleAsync(s => s.Id == id));
    }

    private Task RemoveSnapshotAsync(int id) =>
        app.WithDbAsync(async db =>
        {
            await db.SnapshotFigures.Where(r => r.SnapshotId == id).ExecuteDeleteAsync();
            return await db.StatisticsSnapshots.Where(s => s.Id == id).ExecuteDeleteAsync();
        });

    private static readonly Figures CityFigures = new(12_345, 6_789, 321, 40, 31, 200, 134, 80, 30, 40, 123_456_78, 9_000_00, 50);

    [Fact]
    public async Task Should_show_the_latest_snapshot_with_its_time_and_a_breakdown_by_district()
    {
        var city = (await UnitsAsync("440100")).Single();
        var districts = await ChildrenAsync(city.Id);
        var figures = new Dictionary<int, Figures> { [city.Id] = CityFigures };
        for (var i = 0; i < districts.Count; i++) figures[districts[i].Id] = CityFigures with { Participants = 100 + i, KeyPosts = i == 0 ? 0 : 10 };
        var asOf = await NextDateAsync();
        var snapshot = await WriteSnapshotAsync(asOf, figures);
        try
        {
            var client = await app.SignInAsync("city");
            using var response = await client.GetAsync("/Statistics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadHtmlAsync();

            Assert.Equal("12345", Text(page, "[data-figure=Participants] a"));
            Assert.Equal("77.5%", Text(page, "[data-share=secretary]"));
            Assert.Equal("67.0%", Text(page, "[data-share=two-committee]"));
            Assert.Equal("2.00", Text(page, "[data-share=reserve-ratio]"));
            Assert.Contains(asOf.ToString("yyyy-MM-dd"), Text(page, "[data-testid=snapshot-info]"));
            Assert.Equal(snapshot.ComputedAt.AddHours(8).ToString("yyyy-MM-dd HH:mm"), Text(page, "[data-testid=computed-at]"));
            // Every person count is a link to the persons behind it.
            var links = page.QuerySelectorAll("[data-figure] a").Select(a => a.GetAttribute("href") ?? "").ToList();
            Assert.Equal(Enum.GetValues<Figure>().Length, links.Count);
            Assert.All(links, href => Assert.StartsWith("/Statistics/People?figure=", href));
            Assert.Contains(PeopleUrl(Figure.Participants, city.Id, asOf), links);

            var rows = page.QuerySelectorAll("[data-testid=breakdown] tr[data-unit-code]").ToList();
            Assert.Equal(districts.Select(d => d.Code), rows.Select(r => r.GetAttribute("data-unit-code")));
            var baiyunIndex = districts.FindIndex(d => d.Code == "440111");
            var baiyun = rows[baiyunIndex];
            Assert.NotNull(baiyun.QuerySelector($"a[href='/Statistics?unit={districts[baiyunIndex].Id}']"));
            Assert.Equal((100 + baiyunIndex).ToString(), baiyun.QuerySelector("td[data-label=参加] a")!.TextContent.Trim());
            Assert.Equal("—", rows[0].QuerySelector("td[data-label=后备比例]")!.TextContent.Trim()); // zero key posts

            using var chart = JsonDocument.Parse(page.QuerySelector("script#stats-chart-data[type='application/json']")!.TextContent);
            Assert.Equal(districts.Count, chart.RootElement.GetProperty("reserves").GetProperty("labels").GetArrayLength());
            Assert.Equal(asOf.ToString("yyyy-MM-dd"), chart.RootElement.GetProperty("trend").GetProperty("labels").EnumerateArray().Last().GetString());
            Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/json'])"));

            // A district sees its own row of the same snapshot as its current figures, and no recompute button.
            var district = await app.SignInAsync("district-440111");
            using var own = await district.GetAsync("/Statistics");
            var ownPage = await own.ReadHtmlAsync();
            Assert.Equal((100 + baiyunIndex).ToString(), Text(ownPage, "[data-figure=Participants] a"));
            Assert.DoesNotContain("立即计算", ownPage.Body!.TextContent);
        }
        finally
        {
            await RemoveSnapshotAsync(snapshot.Id);
        }
    }

    [Fact]
    public async Task Should_say_so_when_a_unit_has_no_snapshot_yet()
    {
        var village = await NewVillageAsync();
        var city = await app.SignInAsync("city");
        var district = await app.SignInAsync("district-440111");

        var asCity = await (await city.GetAsync($"/Statistics?unit={village}")).ReadHtmlAsync();
        var asDistrict = await (await district.GetAsync($"/Statistics?unit={village}")).ReadHtmlAsync();

        Assert.NotNull(asCity.QuerySelector("[data-testid=no-snapshot]"));
        Assert.Contains("立即计算", asCity.QuerySelector("#snapshot-status form button")?.TextContent ?? "");
        Assert.Contains("尚未生成统计快照", Text(asDistrict, "[data-testid=no-snapshot]"));
        Assert.DoesNotContain("立即计算", asDistrict.Body!.TextContent);
        Assert.Null(asDistrict.QuerySelector("[data-testid=figures]"));
    }

    [Fact]
    public async Task Should_chart_the_attainment_shares_at_each_cohort_year_end_from_the_year_end_snapshots()
    {
        var village = await NewVillageAsync();
        var latest = await WriteSnapshotAsync(await NextDateAsync(), new Dictionary<int, Figures> { [village] = CityFigures });
        var at2013 = await WriteSnapshotAsync(ComputeSnapshotJob.YearEnd(2013), new Dictionary<int, Figures>
        {
            [village] = Figures.Zero with { Secretaries = 4, SecretariesAssociateOrAbove = 3, TwoCommitteeCadres = 10, TwoCommitteeAssociateOrAbove = 5 },
        });
        try
        {
            var client = await app.SignInAsync("city");
            var page = await (await client.GetAsync($"/Statistics?unit={village}")).ReadHtmlAsync();

            var years = page.QuerySelectorAll("[data-testid=cohort-years] tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim());
            Assert.Equal("75.0%", years["2013"].QuerySelector("td[data-label=年末书记大专以上占比]")!.TextContent.Trim());
            Assert.Equal("50.0%", years["2013"].QuerySelector("td[data-label=年末两委大专以上占比]")!.TextContent.Trim());
            // No year-end snapshot holds the new village for 2012: said so, not shown as 0.
            Assert.Equal("未计算", years["2012"].QuerySelector("td[data-label=年末书记大专以上占比]")!.TextContent.Trim());

            using var chart = JsonDocument.Parse(page.QuerySelector("script#stats-chart-data")!.TextContent);
            var attainment = chart.RootElement.GetProperty("attainment");
            var index = attainment.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList().IndexOf("2013");
            Assert.Equal(75.0m, attainment.GetProperty("series")[0].GetProperty("data")[index].GetDecimal());
            Assert.Equal(50.0m, attainment.GetProperty("series")[1].GetProperty("data")[index].GetDecimal());
            Assert.Equal(JsonValueKind.Null, attainment.GetProperty("series")[0].GetProperty("data")[index - 1].ValueKind);
        }
        finally
        {
            // The job computes a missing year end again; a replaced one holding a single village would stay.
            await RemoveSnapshotAsync(at2013.Id);
            await RemoveSnapshotAsync(latest.Id);
        }
    }

    /// <summary>A village of 人和镇 of its own, which no snapshot written before this test can hold.</summary>
    private Task<int> NewVillageAsync() =>
        app.WithDbAsync(async db =>
        {
            var township = await db.OrgUnits.SingleAsync(u => u.Code == "440111103");
            var taken = await db.OrgUnits.Where(u => u.ParentId == township.Id).Select(u => u.Code).ToListAsync();
            var code = Enumerable.Range(900, 99).Select(n => "440111103" + n).First(c => !taken.Contains(c));
            var village = OrgUnit.CreateChild(township, code, "统计测试村委会" + code[^3..], VillageKind.Village);
            db.OrgUnits.Add(village);
            await db.SaveChangesAsync();
            return village.Id;
        });

    public static readonly TheoryData<Figure> VillageFigures = new()
    {
        Figure.Participants, Figure.Graduates, Figure.Secretaries, Figure.TwoCommitteeCadres,
        Figure.TwoCommitteeAssociateOrAbove, Figure.ReservesInPool,
    };

    [Theory]
    [MemberData(nameof(VillageFigures))]
    public async Task Should_list_as_many_persons_as_the_figure_counts_for_the_demo_village(Figure figure)
    {
        var village = (await UnitsAsync(DemoData.VillageCode)).Single();
        var expected = (await app.WithDbAsync(db => new StatisticsService(db).ComputeAsync(village.Path, Report2019))).Count(figure);
        var client = await app.SignInAsync("village-440111103201");

        using var response = await client.GetAsync(PeopleUrl(figure, village.Id, Report2019));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal(expected.ToString(), Text(page, "[data-testid=people-total] strong"));
        Assert.Equal((int)Math.Min(expected, 20), page.QuerySelectorAll("tr[data-person-id]").Length);
    }

    [Fact]
    public async Task Should_page_the_drill_down_list_as_a_fragment_for_htmx()
    {
        var township = (await UnitsAsync("440111103")).Single();
        var cadres = (await app.WithDbAsync(db => new StatisticsService(db).ComputeAsync(township.Path, Report2019))).TwoCommitteeCadres;
        Assert.True(cadres > 20, "人和镇 should have more than one page of two-committee cadres in 2019");
        var client = await app.SignInAsync("township-440111103");
        var url = PeopleUrl(Figure.TwoCommitteeCadres, township.Id, Report2019);

        using var first = await client.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url + "&p=2");
        request.Headers.Add("HX-Request", "true");
        using var second = await client.SendAsync(request);

        var firstIds = (await first.ReadHtmlAsync()).QuerySelectorAll("tr[data-person-id]").Select(r => r.GetAttribute("data-person-id")).ToList();
        var secondHtml = await second.Content.ReadAsStringAsync();
        var secondIds = Html.Parse(secondHtml).QuerySelectorAll("tr[data-person-id]").Select(r => r.GetAttribute("data-person-id")).ToList();
        Assert.DoesNotContain("<html", secondHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(20, firstIds.Count);
        Assert.NotEmpty(secondIds);
        Assert.Empty(firstIds.Intersect(secondIds));
    }

    [Fact]
    public async Task Should_say_that_the_list_differs_from_the_snapshot_when_data_changed_since()
    {
        var city = (await UnitsAsync("440100")).Single();
        var asOf = await NextDateAsync();
        var snapshot = await WriteSnapshotAsync(asOf, new Dictionary<int, Figures> { [city.Id] = CityFigures });
        try
        {
            var client = await app.SignInAsync("city");
            using var response = await client.GetAsync(PeopleUrl(Figure.Participants, city.Id, asOf));
            var page = await response.ReadHtmlAsync();

            Assert.Contains("统计快照：12345 人", Text(page, "[data-testid=people-total]"));
            Assert.Contains("快照后数据有变化", Text(page, "[data-testid=snapshot-differs]"));
        }
        finally
        {
            await RemoveSnapshotAsync(snapshot.Id);
        }
    }

    [Theory]
    [InlineData("township-440111103", false)]
    [InlineData("district-440111", true)]
    public async Task Should_mask_ID_numbers_and_phones_in_the_drill_down_unless_the_role_may_see_them(string account, bool full)
    {
        var township = (await UnitsAsync("440111103")).Single();
        var client = await app.SignInAsync(account);

        using var response = await client.GetAsync(PeopleUrl(Figure.TwoCommitteeCadres, township.Id, Report2019));
        var table = (await response.ReadHtmlAsync()).QuerySelector("table.list")!.OuterHtml;

        Assert.Equal(full, FullIdNumber().IsMatch(table));
        if (!full) Assert.DoesNotMatch(FullPhone(), table);
    }

    [Fact]
    public async Task Should_enqueue_the_snapshot_job_from_the_city_button_and_poll_it_to_the_end()
    {
        var client = await app.SignInAsync("city");
        var token = await TokenAsync(client, "/Statistics");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/Statistics?handler=Recompute")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("HX-Request", "true");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = Html.Parse(await response.Content.ReadAsStringAsync());
        var progress = fragment.QuerySelector("#snapshot-progress")!;
        var jobId = progress.GetAttribute("data-job-id")!;
        Assert.Equal("every 1s", progress.GetAttribute("hx-trigger"));
        Assert.Contains("正在计算", progress.TextContent);
        using (var connection = app.Services.GetRequiredService<JobStorage>().GetConnection())
            Assert.Equal(typeof(ComputeSnapshotJob), connection.GetJobData(jobId)?.Job?.Type);

        // The page polls until the job is done: 286 stops the polling, HX-Refresh reloads the figures.
        using var status = await PollUntilDoneAsync(client, jobId);
        Assert.Equal(286, (int)status.StatusCode);
        Assert.Equal("true", status.Headers.GetValues("HX-Refresh").Single());
        Assert.Contains("计算完成", Html.Parse(await status.Content.ReadAsStringAsync()).Body!.TextContent);
        var today = await app.WithDbAsync(db => db.StatisticsSnapshots.AsNoTracking()
            .Where(s => s.AsOf == DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))).Select(s => s.Trigger).SingleAsync());
        Assert.Contains("city", today);
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.UserName == "city" && a.Action == "统计快照")));
    }

    /// <summary>Polls the status fragment as htmx does, until it stops answering 200 (at most a minute).</summary>
    private static async Task<HttpResponseMessage> PollUntilDoneAsync(HttpClient client, string jobId)
    {
        for (var i = 0; ; i++)
        {
            var poll = new HttpRequestMessage(HttpMethod.Get, $"/Statistics?handler=Status&job={Uri.EscapeDataString(jobId)}");
            poll.Headers.Add("HX-Request", "true");
            var status = await client.SendAsync(poll);
            if ((int)status.StatusCode != 200 || i >= 120) return status;
            status.Dispose();
            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task Should_redirect_to_the_progress_page_without_htmx()
    {
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync("/Statistics", "/Statistics?handler=Recompute", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Statistics?job=", location);
        using var page = await client.GetAsync(location);
        var jobId = (await page.ReadHtmlAsync()).QuerySelector("#snapshot-progress[data-job-id]")?.GetAttribute("data-job-id");
        Assert.NotNull(jobId);
        // Let it finish: a job left running would write while later tests read.
        using var done = await PollUntilDoneAsync(client, jobId);
        Assert.Equal(286, (int)done.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_the_recompute_button_to_staff_below_the_city()
    {
        var client = await app.SignInAsync("district-440111");

        using var response = await client.PostFormAsync("/Statistics", "/Statistics?handler=Recompute", new Dictionary<string, string>());

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                    || response.Headers.Location?.OriginalString.Contains("/Account/Denied", StringComparison.OrdinalIgnoreCase) == true,
            $"district staff got {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public void Should_register_the_nightly_snapshot_at_one_in_the_morning_China_time()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var nightly = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection)
            .SingleOrDefault(j => j.Id == ComputeSnapshotJob.RecurringId);

        Assert.NotNull(nightly);
        Assert.Equal("0 1 * * *", nightly.Cron);
        Assert.Contains(nightly.TimeZoneId, new[] { "Asia/Shanghai", "China Standard Time" });
        Assert.Equal(typeof(ComputeSnapshotJob), nightly.Job.Type);
    }

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        using var page = await client.GetAsync(url);
        return (await page.ReadHtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static string Text(IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"页面中没有 {selector}");

    [GeneratedRegex(@"\d{17}[\dX]")]
    private static partial Regex FullIdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex FullPhone();

    /// <summary>The drill-down page's URL as the dashboard links it (the pages build it by page name).</summary>
    private static string PeopleUrl(Figure figure, int unitId, DateOnly asOf) =>
        $"/Statistics/People?figure={figure}&unit={unitId}&asOf={asOf:yyyy-MM-dd}";
}
