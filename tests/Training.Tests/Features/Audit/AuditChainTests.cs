using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Features.Audit;

namespace Training.Tests.Features.Audit;

/// <summary>
/// The sealed audit chain (issue 16 §5, 等保 8.1.4.3 d), on an app of its own: each test edits, removes or purges the
/// trail behind the portal's back as someone with the database in hand would, and puts it back.
/// </summary>
public sealed class AuditChainTests(AuditChainTests.OwnApp own) : IClassFixture<AuditChainTests.OwnApp>
{
    public sealed class OwnApp : IAsyncLifetime
    {
        public AppFixture App { get; } = new();
        public Task InitializeAsync() => App.InitializeAsync();
        public Task DisposeAsync() => App.DisposeAsync();
    }

    private AppFixture App => own.App;

    [Fact]
    public async Task Should_find_the_entry_edited_in_the_database()
    {
        var id = await AddSealedAsync("原来的内容");
        var report = await TamperAsync($"UPDATE Audit SET Detail = '改过的内容' WHERE Id = {id}",
            $"UPDATE Audit SET Detail = '原来的内容' WHERE Id = {id}");

        Assert.Contains($"记录号 {id}", report.Problem);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Should_find_an_entry_removed_from_the_middle_or_the_head_and_a_removed_tail()
    {
        var first = await App.WithDbAsync(db => db.Audit.AsNoTracking().Where(a => a.ChainIndex != null).OrderBy(a => a.ChainIndex).Select(a => a.Id).FirstAsync());
        var middle = await AddSealedAsync("中间");
        await AddSealedAsync("最后");

        var gap = await TamperAsync(DeleteAndBack(middle));
        var head = await TamperAsync(DeleteAndBack(first));
        var last = await App.WithDbAsync(db => db.Audit.AsNoTracking().OrderByDescending(a => a.ChainIndex).Select(a => a.Id).FirstAsync());
        var tail = await TamperAsync(DeleteAndBack(last));

        Assert.Contains("中断", gap.Problem);
        Assert.Contains("没有清理记录", head.Problem);
        Assert.Contains("最近的记录被删除", tail.Problem);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Should_purge_entries_older_than_180_days_as_the_head_of_the_chain_and_stay_intact()
    {
        var old = await AddSealedAsync("181 天前");
        var now = DateTime.UtcNow;
        // Dated two days ahead of the rest: 179 days old when the purge runs 181 days from now.
        await App.WithDbAsync(db => { db.Audit.Add(new AuditEntry("purge-probe", "测试", "179 天前", now.AddDays(2))); return db.SaveChangesAsync(); });
        var later = new FixedClock(new DateTimeOffset(now.AddDays(181)));

        var removed = await PurgeAsync(later);
        var again = await PurgeAsync(later);

        var left = await App.WithDbAsync(db => db.Audit.AsNoTracking().Where(a => a.UserName == "purge-probe").Select(a => a.Detail).ToListAsync());
        Assert.Equal(["179 天前"], left);
        Assert.True(removed >= 2, $"removed {removed}");
        Assert.Equal(0, again);
        Assert.False(await App.WithDbAsync(db => db.Audit.AnyAsync(a => a.Id == old)));
        var firstKept = await App.WithDbAsync(db => db.Audit.Where(a => a.UserName == "purge-probe").Select(a => a.ChainIndex).SingleAsync());
        var record = await App.WithDbAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == AuditTexts.PurgedAudit).Select(a => a.Detail).SingleAsync());
        Assert.Equal($"删除 {removed:N0} 条", record[..($"删除 {removed:N0} 条".Length)]);
        Assert.EndsWith($"（保留 180 天），审计链自第 {firstKept} 条起", record);
        Assert.True((await VerifyAsync()).Intact, (await VerifyAsync()).Problem);
    }

    [Fact]
    public void Should_keep_180_days_even_when_configured_shorter()
    {
        Assert.Equal(TimeSpan.FromDays(180), new AuditOptions { KeepDays = 30 }.KeepFor);
        Assert.Equal(TimeSpan.FromDays(365), new AuditOptions { KeepDays = 365 }.KeepFor);
    }

    private async Task<long> AddSealedAsync(string detail)
    {
        var entry = new AuditEntry("chain-probe", "测试", detail, DateTime.UtcNow);
        await App.WithDbAsync(db => { db.Audit.Add(entry); return db.SaveChangesAsync(); });
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditChain>().SealAsync(CancellationToken.None);
        return entry.Id;
    }

    private static (string Break, string Mend) DeleteAndBack(long id) =>
        ($"CREATE TABLE IF NOT EXISTS AuditKept AS SELECT * FROM Audit WHERE 0; INSERT INTO AuditKept SELECT * FROM Audit WHERE Id = {id}; DELETE FROM Audit WHERE Id = {id}",
         $"INSERT INTO Audit SELECT * FROM AuditKept WHERE Id = {id}; DELETE FROM AuditKept");

    private Task<AuditChain.Report> TamperAsync((string Break, string Mend) sql) => TamperAsync(sql.Break, sql.Mend);

    /// <summary>Changes the trail with SQL, verifies, and changes it back.</summary>
    private async Task<AuditChain.Report> TamperAsync(string breakSql, string mendSql)
    {
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(breakSql));
        try
        {
            // Not sealing here: a new entry sealed now would take the place of a removed one.
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync(CancellationToken.None);
        }
        finally { await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(mendSql)); }
    }

    private async Task<AuditChain.Report> VerifyAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
        await chain.SealAsync(CancellationToken.None);
        return await chain.VerifyAsync(CancellationToken.None);
    }

    private async Task<int> PurgeAsync(TimeProvider clock)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<PurgeAuditJob>(scope.ServiceProvider, clock).RunAsync(CancellationToken.None);
    }
}
