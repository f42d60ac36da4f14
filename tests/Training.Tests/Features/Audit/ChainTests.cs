using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Audit;

namespace Training.Tests.Features.Audit;

/// <summary>The page /Audit/Chain: the auditor checks the sealed chain now and sees the result in the list of checks.</summary>
[Collection(AppCollection.Name)]
public sealed class ChainTests(AppFixture app)
{
    [Fact]
    public async Task Should_check_the_chain_when_the_auditor_asks_and_list_the_result()
    {
        var auditor = await app.SignInAsync(DemoAccounts.Auditor);

        using var checkedNow = await auditor.PostFormAsync("/Audit/Chain", "/Audit/Chain", new Dictionary<string, string>());
        using var page = await auditor.GetAsync("/Audit/Chain");

        Assert.Equal(HttpStatusCode.Redirect, checkedNow.StatusCode);
        var latest = (await page.ReadHtmlAsync()).QuerySelector("tbody tr");
        Assert.Equal(nameof(AuditOutcome.Done), latest?.GetAttribute("data-outcome"));
        Assert.Contains("审计链完整", latest!.TextContent);
        Assert.Contains(DemoAccounts.Auditor, latest.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.ChainIndex == null && a.Action != AuditTexts.ChainVerifiedAudit)));
    }
}
