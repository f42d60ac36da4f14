using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Features.Audit;

namespace Training.Tests.Features.Audit;

/// <summary>The audit trail's retention (issue 16 §5, 网络安全法 Art. 21): 180 days at least, the purge recorded.</summary>
[Collection(AppCollection.Name)]
public sealed class PurgeAuditJobTests(AppFixture app)
{
    [Fact]
    public async Task Should_delete_entries_older_than_180_days_keep_younger_ones_and_record_the_purge_once()
    {
        var marker = "purge-" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTime.UtcNow;
        await app.WithDbAsync(db =>
        {
            db.Audit.Add(new AuditEntry(marker, "测试", "181 天前", now.AddDays(-181)));
            db.Audit.Add(new AuditEntry(marker, "测试", "179 天前", now.AddDays(-179)));
            return db.SaveChangesAsync();
        });

        var removed = await RunAsync();
        var again = await RunAsync();

        var left = await app.WithDbAsync(db => db.Audit.AsNoTracking().Where(a => a.UserName == marker).Select(a => a.Detail).ToListAsync());
        Assert.Equal(["179 天前"], left);
        Assert.True(removed >= 1);
        Assert.Equal(0, again);
        var purges = await app.WithDbAsync(db => db.Audit.AsNoTracking()
            .Where(a => a.Action == AuditTexts.PurgedAudit && a.At >= now.AddMinutes(-1)).Select(a => a.Detail).ToListAsync());
        Assert.Contains(purges, p => p.StartsWith($"删除 {removed:N0} 条") && p.EndsWith("（保留 180 天）"));
    }

    [Fact]
    public void Should_keep_180_days_even_when_configured_shorter()
    {
        Assert.Equal(TimeSpan.FromDays(180), new AuditOptions { KeepDays = 30 }.KeepFor);
        Assert.Equal(TimeSpan.FromDays(365), new AuditOptions { KeepDays = 365 }.KeepFor);
        Assert.Equal(TimeSpan.FromDays(180), app.Services.GetRequiredService<IOptions<AuditOptions>>().Value.KeepFor);
    }

    private async Task<int> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<PurgeAuditJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }
}
