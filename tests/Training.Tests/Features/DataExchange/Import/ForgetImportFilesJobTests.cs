using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.DataExchange.Import;

namespace Training.Tests.Features.DataExchange.Import;

/// <summary>
/// Issue 16 §6: an upload (full ID numbers and phones) is kept only while it is needed — a rejected one for its error
/// workbook, seven days at most; then it is deleted and the run's page says so.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ForgetImportFilesJobTests(AppFixture appArg) : ImportTestBase(appArg)
{
    private Task<int> ForgetAtAsync(DateTime now) =>
        app.WithDbAsync(db => new ForgetImportFilesJob(db, new FixedClock(new DateTimeOffset(now, TimeSpan.Zero)), NullLogger<ForgetImportFilesJob>.Instance).RunAsync(CancellationToken.None));

    private Task<bool> FileKeptAsync(int runId) => app.WithDbAsync(db => db.ImportFiles.AnyAsync(f => f.ImportRunId == runId));

    private Task<ImportRun> RunAsync(int runId) => app.WithDbAsync(db => db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == runId));

    [Fact]
    public async Task Should_keep_a_rejected_upload_seven_days_for_its_error_workbook_then_delete_it_once()
    {
        var id = await RejectedRunAsync("roster");
        var finished = (await RunAsync(id)).FinishedAt!.Value;

        await ForgetAtAsync(finished + ImportRun.RejectedFileKept - TimeSpan.FromMinutes(1));
        Assert.True(await FileKeptAsync(id));

        await ForgetAtAsync(finished + ImportRun.RejectedFileKept);
        Assert.False(await FileKeptAsync(id));
        var run = await RunAsync(id);
        Assert.Equal(finished + ImportRun.RejectedFileKept, run.FileDeletedAt);

        await ForgetAtAsync(finished + ImportRun.RejectedFileKept + TimeSpan.FromDays(1));
        Assert.Equal(run.FileDeletedAt, (await RunAsync(id)).FileDeletedAt);
    }

    [Fact]
    public async Task Should_delete_what_an_import_that_ended_otherwise_left_and_leave_a_running_one()
    {
        var now = DateTime.UtcNow;
        var succeeded = await app.StoredRunAsync(ImportKind.Roster, [1, 2, 3], then: r => { r.Start(); r.Succeed("[]", now); });
        var failed = await app.StoredRunAsync(ImportKind.Roster, [1, 2, 3], then: r => { r.Start(); r.Fail("出错", now); });
        var running = await app.StoredRunAsync(ImportKind.Roster, [1, 2, 3], then: r => r.Start());

        await ForgetAtAsync(now);

        Assert.False(await FileKeptAsync(succeeded));
        Assert.False(await FileKeptAsync(failed));
        Assert.True(await FileKeptAsync(running));
    }

    [Fact]
    public async Task Should_say_on_the_runs_page_until_when_the_workbook_can_be_had_and_after_that_that_the_file_is_gone()
    {
        var id = await RejectedRunAsync("roster");
        var client = await app.SignInAsync(DemoAccounts.City);
        var kept = await (await client.GetAsync($"/Import/Run?id={id}")).ReadHtmlAsync();
        Assert.NotNull(kept.QuerySelector("[data-testid=error-workbook]"));
        Assert.Contains("可下载到", kept.QuerySelector("[data-testid=file-note]")!.TextContent);

        await ForgetAtAsync((await RunAsync(id)).FinishedAt!.Value + ImportRun.RejectedFileKept);

        var page = await (await client.GetAsync($"/Import/Run?id={id}")).ReadHtmlAsync();
        Assert.Null(page.QuerySelector("[data-testid=error-workbook]"));
        Assert.Contains("删除", page.QuerySelector("[data-testid=file-note]")!.TextContent);
        Assert.Contains("原因一", page.QuerySelector("[data-testid=errors]")!.TextContent);
        var noClient = app.WithAuthCookie((await app.SignInWithCookieAsync(DemoAccounts.City)).AuthCookie);
        using var download = await noClient.GetAsync($"/Import/Errors?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.Equal($"/Import/Run?id={id}", download.Headers.Location?.OriginalString);
    }
}
