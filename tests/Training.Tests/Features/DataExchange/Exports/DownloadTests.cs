using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Features.Statistics;
using Training.Tests.Infrastructure;
using Training.Web.Features.DataExchange.Exports;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.DataExchange.Exports;

/// <summary>The page /Exports/Download.</summary>
[Collection(AppCollection.Name)]
public sealed class DownloadTests(AppFixture appArg) : ExportsTestBase(appArg)
{
    [Fact]
    public async Task Should_export_a_township_for_district_staff_unmasked_audited_and_downloadable_with_a_chinese_file_name()
    {
        var client = await app.SignInAsync("district-440111");
        var before = await LatestRunIdAsync("district-440111");

        using var post = await client.PostFormAsync(Page, Page, Form(ExportKind.Enrollments, "440111103"));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var runId = await LatestRunIdAsync("district-440111");
        Assert.True(runId > before);
        var run = await FinishedAsync(runId);
        Assert.Equal(RunState.Succeeded, run.State);
        Assert.True(run.Unmasked);
        Assert.Equal("人和镇（440111103）", run.ScopeLabel);
        var audit = await app.WithDbAsync(db => db.Audit.Where(a => a.UserName == "district-440111" && a.Action == "数据导出")
            .OrderByDescending(a => a.Id).Select(a => a.Detail).FirstAsync());
        Assert.Equal("报名名单，人和镇（440111103），含完整身份证号和手机号", audit);

        using var list = await client.GetAsync(Page);
        var link = (await list.ReadHtmlAsync()).QuerySelector($"tr[data-run-id='{runId}'] a[data-testid=download]");
        Assert.Equal($"/Exports/Download?id={runId}", link?.GetAttribute("href"));

        using var download = await client.GetAsync($"/Exports/Download?id={runId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.StartsWith("attachment; filename*=UTF-8''" + Uri.EscapeDataString("报名名单_440111103_"),
            download.Content.Headers.ContentDisposition?.ToString() ?? string.Join("", download.Content.Headers.GetValues("Content-Disposition")));
        var sheet = Xlsx.Read(await download.Content.ReadAsByteArrayAsync())["报名名单"];
        Assert.Equal(run.Rows + 1, sheet.Rows.Count);
        Assert.All(sheet.Rows.Skip(1), r => Assert.StartsWith("440111103", r.Text(2)));
        Assert.All(sheet.Rows.Skip(1), r => Assert.DoesNotContain("*", r.Text(0)));
        Assert.NotNull(await app.AuditEntryAsync(a => a.UserName == "district-440111"
            && a.Action == Training.Web.Features.DataExchange.DataExchangeTexts.ExportDownloadedAudit && a.Detail.StartsWith($"#{runId}：")));
    }

    [Fact]
    public async Task Should_mask_the_roster_of_township_staff_and_say_so_in_the_audit()
    {
        var client = await app.SignInAsync("township-440111103");

        using var post = await client.PostFormAsync(Page, Page, Form(ExportKind.Roster, "440111103"));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var run = await FinishedAsync(await LatestRunIdAsync("township-440111103"));
        Assert.Equal((RunState.Succeeded, false), (run.State, run.Unmasked));
        var audit = await app.WithDbAsync(db => db.Audit.Where(a => a.UserName == "township-440111103" && a.Action == "数据导出")
            .OrderByDescending(a => a.Id).Select(a => a.Detail).FirstAsync());
        Assert.Equal("人员花名册，人和镇（440111103），身份证号和手机号已脱敏", audit);

        using var download = await client.GetAsync($"/Exports/Download?id={run.Id}");
        var persons = Xlsx.Read(await download.Content.ReadAsByteArrayAsync())["人员"];
        Assert.NotEmpty(persons.Rows.Skip(1));
        Assert.All(persons.Rows.Skip(1), r => Assert.Contains("********", r.Text(0)));
    }

    [Fact]
    public async Task Should_not_find_another_accounts_export_nor_a_missing_one()
    {
        var data = await app.ExportTownshipAsync();
        var runId = await app.ExportRunAsync(ExportKind.Enrollments, data.TownshipId, unmasked: true, requestedBy: "city");
        await app.RunExportJobAsync(runId);
        var other = await app.SignInAsync("district-440111");
        var owner = await app.SignInAsync("city");

        using var othersRun = await other.GetAsync($"/Exports/Download?id={runId}");
        using var noId = await other.GetAsync("/Exports/Download");
        using var own = await owner.GetAsync($"/Exports/Download?id={runId}");

        Assert.Equal(HttpStatusCode.NotFound, othersRun.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noId.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.DoesNotContain($"data-run-id=\"{runId}\"", await (await other.GetAsync(Page)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_say_in_chinese_that_an_expired_export_is_gone()
    {
        var data = await app.ExportTownshipAsync();
        var runId = await app.ExportRunAsync(ExportKind.Enrollments, data.TownshipId, unmasked: false, requestedBy: "city");
        await app.RunExportJobAsync(runId);
        await app.WithDbAsync(db => db.ExportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ExpireExportsJob>().RunAsync(CancellationToken.None);
        var client = await app.SignInAsync("city");

        using var download = await client.GetAsync($"/Exports/Download?id={runId}");

        Assert.Equal(HttpStatusCode.Gone, download.StatusCode);
        Assert.Contains("已过期并已删除", await download.TextAsync());
        using var list = await client.GetAsync(Page);
        var row = (await list.ReadHtmlAsync()).QuerySelector($"tr[data-run-id='{runId}']");
        Assert.NotNull(row);
        Assert.Contains("已过期", row.TextContent);
        Assert.Null(row.QuerySelector("a[data-testid=download]"));
    }
}
