using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Features.Statistics;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Audit;

namespace Training.Tests.Features.Audit;

/// <summary>The download /Audit/Export: exactly what the same filter lists, and the export itself in the trail.</summary>
[Collection(AppCollection.Name)]
public sealed class ExportTests(AppFixture app)
{
    [Fact]
    public async Task Should_export_what_the_filter_finds_and_record_the_export()
    {
        var marker = "audit-export-" + Guid.NewGuid().ToString("N")[..8];
        var at = new DateTime(2026, 5, 4, 2, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(db =>
        {
            db.Audit.Add(new AuditEntry(marker, "导出", "=HYPERLINK(\"http://x\")", at));
            db.Audit.Add(new AuditEntry(marker, "登录", "密码错误", at.AddMinutes(1), AuditOutcome.Refused));
            db.Audit.Add(new AuditEntry("someone-else", "登录", "成功", at));
            return db.SaveChangesAsync();
        });
        var auditor = await app.SignInAsync(DemoAccounts.Auditor);

        using var download = await auditor.GetAsync($"/Audit/Export?user={marker}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var sheet = Xlsx.Read(await download.Content.ReadAsByteArrayAsync())["审计记录"];
        Assert.Equal(AuditTexts.ExportHeaders, Enumerable.Range(0, 6).Select(i => sheet.Rows[0].Text(i)));
        Assert.Equal(["登录", "导出"], sheet.Rows.Skip(1).Select(r => r.Text(2)));
        Assert.Equal(("被拒绝", "2026-05-04 10:01"), (sheet.Rows[1].Text(4), sheet.Rows[1].Text(0)));
        Assert.Equal("'=HYPERLINK(\"http://x\")", sheet.Rows[2].Text(3)); // a formula leaves as text
        var recorded = await app.AuditEntryAsync(a => a.UserName == DemoAccounts.Auditor && a.Action == AuditTexts.ExportedAudit && a.Detail.Contains(marker));
        Assert.Equal($"2 条（条件：user={marker}）", recorded?.Detail);
    }
}
