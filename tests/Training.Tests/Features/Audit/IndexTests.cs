using System.Net;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Infrastructure.Web;

namespace Training.Tests.Features.Audit;

/// <summary>The page /Audit: the security auditor searches the trail (issue 16 §5); no other role reads it.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Should_find_entries_by_user_outcome_source_and_Guangzhou_day()
    {
        var marker = "audit-find-" + Guid.NewGuid().ToString("N")[..8];
        // 2026-03-01 23:30 in Guangzhou is 15:30 UTC: it belongs to the 1st there, not to the 2nd.
        var lateOnThe1st = new DateTime(2026, 3, 1, 15, 30, 0, DateTimeKind.Utc);
        await app.WithDbAsync(db =>
        {
            var refused = new AuditEntry(marker, "登录", "密码错误", lateOnThe1st, AuditOutcome.Refused);
            refused.ComesFrom("198.51.100.23");
            db.Audit.Add(refused);
            db.Audit.Add(new AuditEntry(marker, "登录", "成功", lateOnThe1st.AddHours(1)));
            return db.SaveChangesAsync();
        });
        var auditor = await app.SignInAsync(DemoAccounts.Auditor);

        var refusedOnThe1st = await RowsAsync(auditor, $"/Audit?user={marker}&outcome=Refused&from=2026-03-01&to=2026-03-01&source=198.51.");
        var onThe2nd = await RowsAsync(auditor, $"/Audit?user={marker}&from=2026-03-02&to=2026-03-02");

        Assert.Equal([("2026-03-01 23:30", marker, "登录", "密码错误", "被拒绝", "198.51.100.23")], refusedOnThe1st);
        Assert.Equal([("2026-03-02 00:30", marker, "登录", "成功", "成功", "—")], onThe2nd);
    }

    [Fact]
    public async Task Should_count_a_search_only_up_to_its_limit_and_say_there_are_more()
    {
        var marker = "audit-many-" + Guid.NewGuid().ToString("N")[..8];
        var at = DateTime.UtcNow;
        await app.WithDbAsync(db =>
        {
            db.Audit.AddRange(Enumerable.Range(0, Training.Web.Features.Audit.IndexModel.CountLimit + 5).Select(i => new AuditEntry(marker, "测试", $"第 {i} 条", at)));
            db.Audit.Add(new AuditEntry(marker + "-few", "测试", "一条", at));
            return db.SaveChangesAsync();
        });
        var auditor = await app.SignInAsync(DemoAccounts.Auditor);

        var many = await (await auditor.GetAsync($"/Audit?user={marker}")).ReadHtmlAsync();
        var few = await (await auditor.GetAsync($"/Audit?user={marker}-few")).ReadHtmlAsync();

        Assert.Equal($"超过 {Training.Web.Features.Audit.IndexModel.CountLimit:N0} 条，可按日期、用户名缩小范围", many.QuerySelector("[data-testid=audit-total]")!.TextContent.Trim());
        Assert.Equal(PagedQueries.DefaultPageSize, many.QuerySelectorAll("#rows tbody tr").Length);
        Assert.NotNull(many.QuerySelector("#rows a[href*='/Audit/Export']"));
        Assert.Equal("共 1 条", few.QuerySelector("[data-testid=audit-total]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(DemoAccounts.City)]
    [InlineData(DemoAccounts.SystemAdmin)]
    [InlineData(DemoAccounts.District)]
    public async Task Should_refuse_the_trail_to_everyone_but_the_auditor(string account)
    {
        var client = await app.SignInAsync(account);

        using var page = await client.GetAsync("/Audit");
        using var export = await client.GetAsync("/Audit/Export");

        Assert.Equal(("/Account/Denied", "/Account/Denied"), (PathOf(page), PathOf(export)));
    }

    private static string? PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]) : null;

    private static async Task<List<(string, string, string, string, string, string)>> RowsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadHtmlAsync()).QuerySelectorAll("#rows tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Select(c => (c[0], c[1], c[2], c[3], c[4], c[5])).ToList();
    }
}
