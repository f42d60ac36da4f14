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
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Statistics;

/// <summary>The page /Statistics.</summary>
[Collection(AppCollection.Name)]
public sealed partial class IndexTests(AppFixture appArg) : DashboardTestBase(appArg)
{
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
    public async Task Should_count_a_new_admission_in_its_cohort_year_at_once_after_the_page_was_read()
    {
        var city = (await UnitsAsync("440100")).Single();
        var snapshot = await WriteSnapshotAsync(await NextDateAsync(), new Dictionary<int, Figures> { [city.Id] = CityFigures });
        try
        {
            var client = await app.SignInAsync("city");
            async Task<int> AdmittedAsync()
            {
                using var response = await client.GetAsync("/Statistics");
                var row = (await response.ReadHtmlAsync()).QuerySelectorAll("[data-testid=cohort-years] tbody tr")
                    .Single(r => r.QuerySelector("td[data-label=年度]")!.TextContent == TestEnrollments.Year.ToString());
                return int.Parse(row.QuerySelector("td[data-label=招生人数]")!.TextContent);
            }
            var before = await AdmittedAsync(); // the counts are kept from here on

            await app.AdmittedAsync();

            Assert.Equal(before + 1, await AdmittedAsync());
        }
        finally
        {
            await RemoveSnapshotAsync(snapshot.Id);
        }
    }

    [Fact]
    public async Task Should_show_a_new_snapshot_at_once_after_the_page_was_read()
    {
        var village = await NewVillageAsync();
        var first = await WriteSnapshotAsync(await NextDateAsync(), new Dictionary<int, Figures> { [village] = CityFigures });
        StatisticsSnapshot? second = null;
        try
        {
            var client = await app.SignInAsync("city");
            async Task<string> ParticipantsAsync() =>
                Text(await (await client.GetAsync($"/Statistics?unit={village}")).ReadHtmlAsync(), "[data-figure=Participants] a");
            Assert.Equal("12345", await ParticipantsAsync()); // the page is kept from here on

            second = await WriteSnapshotAsync(await NextDateAsync(), new Dictionary<int, Figures> { [village] = CityFigures with { Participants = 54_321 } });

            Assert.Equal("54321", await ParticipantsAsync());
        }
        finally
        {
            if (second is not null) await RemoveSnapshotAsync(second.Id);
            await RemoveSnapshotAsync(first.Id);
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

    [Fact]
    public async Task Should_enqueue_the_snapshot_job_from_the_city_button_and_poll_it_to_the_end()
    {
        var client = await app.SignInAsync("city");
        var token = await client.TokenAsync("/Statistics");

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
}
