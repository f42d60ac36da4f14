using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Features.Degree.Enrollments;
using Training.Tests.Features.Statistics;
using Training.Tests.Infrastructure;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.Degree.Graduation;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.DataExchange.Import;

/// <summary>The page /Import/Run.</summary>
[Collection(AppCollection.Name)]
public sealed class RunTests(AppFixture appArg) : ImportTestBase(appArg)
{
    // ---------------------------------------------------------------- who sees a run

    public static readonly TheoryData<string, string> NotTheirs = new()
    {
        { "school-1", "roster" },
        { "school-1", "other-school" },
        { "city", "own-school" },
    };

    [Fact]
    public async Task Should_show_the_progress_bar_of_a_queued_run_and_keep_polling_it()
    {
        var id = await app.StoredRunAsync(ImportKind.Roster, [1]);
        var client = await app.SignInAsync("city");

        using var page = await client.GetAsync($"/Import/Run?id={id}");
        var html = await page.ReadHtmlAsync();
        var progress = html.QuerySelector("[data-testid=run-progress]")!;
        Assert.Equal("every 1s", progress.GetAttribute("hx-trigger"));
        Assert.Equal($"/Import/Run?id={id}", progress.GetAttribute("hx-get"));
        Assert.NotNull(progress.QuerySelector("progress[max='100']"));
        Assert.Contains(progress.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Import/Run?id={id}" && a.TextContent.Contains("刷新"));

        using var fragment = await client.GetAsHtmxAsync($"/Import/Run?id={id}");
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        var body = await fragment.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", body);
        Assert.Contains("id=\"import-run\"", body);
    }

    [Fact]
    public async Task Should_show_the_first_200_errors_with_the_total_and_the_WeChat_download_hint()
    {
        var errors = Enumerable.Range(2, 250).Select(row => new ImportError("人员", row, "姓名", "不能为空")).ToList();
        var id = await app.StoredRunAsync(ImportKind.Roster, [1], then: r =>
        {
            r.Start();
            r.Reject(System.Text.Json.JsonSerializer.Serialize(errors, ImportJob.Json), errors.Count, DateTime.UtcNow);
        });
        var client = await app.SignInAsync("city");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/Import/Run?id={id}");
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) MicroMessenger/8.0.50");

        using var response = await client.SendAsync(request);

        var page = await response.ReadHtmlAsync();
        Assert.Equal(RunModel.ErrorsShown, page.QuerySelectorAll("[data-testid=errors] tbody tr").Length);
        Assert.Contains("共 250 处", page.QuerySelector("[data-testid=errors-truncated]")?.TextContent);
        Assert.Contains("在浏览器中打开", page.QuerySelector("[data-testid=wechat-hint]")?.TextContent);
    }

    [Theory]
    [MemberData(nameof(NotTheirs))]
    public async Task Should_not_find_a_run_outside_the_accounts_scope(string account, string whose)
    {
        var id = await RejectedRunAsync(whose);
        var client = await app.SignInAsync(account);

        using var run = await client.GetAsync($"/Import/Run?id={id}");
        using var errors = await client.GetAsync($"/Import/Errors?id={id}");

        Assert.Equal(HttpStatusCode.NotFound, run.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, errors.StatusCode);
    }

    [Theory]
    [InlineData("city", "roster")]
    [InlineData("school-1", "own-school")]
    public async Task Should_show_a_run_and_its_errors_to_the_account_it_belongs_to(string account, string whose)
    {
        var id = await RejectedRunAsync(whose);
        var client = await app.SignInAsync(account);

        using var run = await client.GetAsync($"/Import/Run?id={id}");
        using var errors = await client.GetAsync($"/Import/Errors?id={id}");

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Contains("原因一", await run.TextAsync());
        Assert.Equal(HttpStatusCode.OK, errors.StatusCode);
        using var fragment = await client.GetAsHtmxAsync($"/Import/Run?id={id}");
        Assert.Equal(286, (int)fragment.StatusCode); // finished: htmx stops polling and swaps the result in
    }

    [Theory]
    [InlineData("district-440111")]
    [InlineData("township-440111103")]
    [InlineData("trainee-demo")]
    public async Task Should_refuse_the_run_pages_to_other_roles(string account)
    {
        var id = await RejectedRunAsync("roster");
        var client = await app.SignInAsync(account);

        foreach (var url in new[] { $"/Import/Run?id={id}", $"/Import/Errors?id={id}" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                        || response.Headers.Location?.OriginalString.Contains("/Account/Denied", StringComparison.OrdinalIgnoreCase) == true,
                $"{account} GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }
}
