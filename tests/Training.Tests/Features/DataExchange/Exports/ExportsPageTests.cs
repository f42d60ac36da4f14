using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Features.Statistics;
using Training.Tests.Infrastructure;
using Training.Web.Features.DataExchange.Exports;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.DataExchange.Exports;

/// <summary>/Exports and /Exports/Download over HTTP: who may export what, masking decided at request time, the audit, polling, and downloads of one's own files only.</summary>
[Collection(AppCollection.Name)]
public sealed class ExportsPageTests(AppFixture app)
{
    private const string Page = "/Exports";

    private static Dictionary<string, string> Form(ExportKind kind, string scope) => new() { ["Kind"] = kind.ToString(), ["Scope"] = scope };

    private async Task<int> LatestRunIdAsync(string userName) =>
        await app.WithDbAsync(db => db.ExportRuns.Where(r => r.RequestedBy == userName).MaxAsync(r => (int?)r.Id)) ?? 0;

    /// <summary>The job runs in the app's own Hangfire server.</summary>
    private async Task<ExportRun> FinishedAsync(int runId)
    {
        for (var i = 0; i < 300; i++)
        {
            var run = await app.ExportRunOfAsync(runId);
            if (run.State.IsFinished()) return run;
            await Task.Delay(200);
        }
        throw new TimeoutException($"导出 {runId} 60 秒内没有完成。");
    }

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

    [Theory]
    [InlineData("district-440111", "440103")]
    [InlineData("district-440111", "440100")]
    [InlineData("township-440111103", "440111")]
    [InlineData("village-440111103201", "440111103")]
    public async Task Should_not_export_a_unit_outside_the_scope(string account, string scope)
    {
        var client = await app.SignInAsync(account);
        var before = await LatestRunIdAsync(account);

        using var post = await client.PostFormAsync(Page, Page, Form(ExportKind.Roster, scope));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(before, await LatestRunIdAsync(account));
    }

    [Fact]
    public async Task Should_offer_a_district_its_townships_and_a_village_only_itself()
    {
        var district = await app.SignInAsync("district-440111");
        var village = await app.SignInAsync("village-440111103201");

        var districtCodes = (await (await district.GetAsync(Page)).ReadHtmlAsync()).QuerySelectorAll("select[name=Scope] option").Select(o => o.GetAttribute("value")).ToList();
        var villageCodes = (await (await village.GetAsync(Page)).ReadHtmlAsync()).QuerySelectorAll("select[name=Scope] option").Select(o => o.GetAttribute("value")).ToList();

        Assert.Equal("440111", districtCodes[0]);
        Assert.Contains("440111103", districtCodes);
        Assert.All(districtCodes, c => Assert.True(c!.StartsWith("440111", StringComparison.Ordinal) && c.Length <= 9, c));
        Assert.Equal(["440111103201"], villageCodes);
    }

    [Fact]
    public async Task Should_refuse_a_form_without_a_kind_with_a_message()
    {
        var client = await app.SignInAsync("district-440111");

        using var post = await client.PostFormAsync(Page, Page, new Dictionary<string, string> { ["Scope"] = "440111" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, post.StatusCode);
        Assert.Contains("请选择导出内容。", await post.TextAsync());
    }

    private static async Task<HttpResponseMessage> HtmxPostAsync(HttpClient client, Dictionary<string, string> fields)
    {
        using var page = await client.GetAsync(Page);
        var token = (await page.ReadHtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var request = new HttpRequestMessage(HttpMethod.Post, Page)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Should_answer_htmx_with_the_list_holding_the_new_export()
    {
        var client = await app.SignInAsync("district-440103");

        using var response = await HtmxPostAsync(client, Form(ExportKind.Enrollments, "440103001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        var runId = await LatestRunIdAsync("district-440103");
        Assert.NotNull(Html.Parse(html).QuerySelector($"#export-runs tr[data-run-id='{runId}']"));
        Assert.Equal(RunState.Succeeded, (await FinishedAsync(runId)).State);
    }

    [Fact]
    public async Task Should_swap_the_form_with_its_message_when_htmx_posts_it_without_a_scope()
    {
        var client = await app.SignInAsync("district-440103");

        using var response = await HtmxPostAsync(client, new Dictionary<string, string> { ["Kind"] = "Roster", ["Scope"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("form[data-testid=export-form]", response.Headers.GetValues("HX-Retarget").Single());
        Assert.Equal("form[data-testid=export-form]", response.Headers.GetValues("HX-Reselect").Single());
        Assert.Contains("请选择导出范围。", await response.TextAsync());
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

    [Fact]
    public async Task Should_poll_the_list_while_an_export_runs_and_stop_with_286_when_none_does()
    {
        var data = await app.ExportTownshipAsync();
        var idle = await app.SignInAsync("township-440103001");
        await app.ExportRunAsync(ExportKind.Enrollments, data.TownshipId, unmasked: false, requestedBy: "village-440111103201");
        var busy = await app.SignInAsync("village-440111103201");

        using var idleRequest = new HttpRequestMessage(HttpMethod.Get, "/Exports?handler=Runs") { Headers = { { "HX-Request", "true" } } };
        using var idleAnswer = await idle.SendAsync(idleRequest);
        using var busyRequest = new HttpRequestMessage(HttpMethod.Get, "/Exports?handler=Runs") { Headers = { { "HX-Request", "true" } } };
        using var busyAnswer = await busy.SendAsync(busyRequest);
        using var busyPage = await busy.GetAsync(Page);

        Assert.Equal(286, (int)idleAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, busyAnswer.StatusCode);
        var fragment = (await busyAnswer.ReadHtmlAsync()).QuerySelector("#export-runs")!;
        Assert.Equal(("/Exports?handler=Runs", "every 1s"), (fragment.GetAttribute("hx-get"), fragment.GetAttribute("hx-trigger")));
        Assert.DoesNotContain("<html", await busyAnswer.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        // Without JavaScript: a refresh link.
        Assert.NotNull((await busyPage.ReadHtmlAsync()).QuerySelector("#export-runs a[href='/Exports']"));
    }

    [Fact]
    public async Task Should_tell_wechat_users_to_open_the_page_in_the_system_browser()
    {
        var client = await app.SignInAsync("district-440111");
        using var request = new HttpRequestMessage(HttpMethod.Get, Page);
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 13) MicroMessenger/8.0.40");

        using var response = await client.SendAsync(request);

        Assert.NotNull((await response.ReadHtmlAsync()).QuerySelector("[data-testid=wechat-hint]"));
    }
}
