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

namespace Training.Tests.Features.Statistics;

/// <summary>
/// The dashboard reads the latest snapshot (hand-written here, dated after any other so that
/// it is the latest), every number opens the persons behind it, and CityAdmin's 立即计算
/// enqueues the snapshot job and polls it to the end.
/// </summary>
public abstract partial class DashboardTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    protected static readonly DateOnly Report2019 = new(2019, 12, 31);

    protected sealed record Unit(int Id, string Code, string Name, string Path, int? ParentId);

    protected Task<List<Unit>> UnitsAsync(params string[] codes) =>
        app.WithDbAsync(db => db.OrgUnits.AsNoTracking().Where(u => codes.Contains(u.Code))
            .Select(u => new Unit(u.Id, u.Code, u.Name, u.Path, u.ParentId)).ToListAsync());

    protected Task<List<Unit>> ChildrenAsync(int parentId) =>
        app.WithDbAsync(db => db.OrgUnits.AsNoTracking().Where(u => u.ParentId == parentId).OrderBy(u => u.Code)
            .Select(u => new Unit(u.Id, u.Code, u.Name, u.Path, u.ParentId)).ToListAsync());

    /// <summary>A date after every stored snapshot, so that the one written for it is the latest.</summary>
    protected Task<DateOnly> NextDateAsync() =>
        app.WithDbAsync(async db =>
        {
            var last = await db.StatisticsSnapshots.MaxAsync(s => (DateOnly?)s.AsOf);
            var floor = new DateOnly(2100, 1, 1);
            return last is { } d && d >= floor ? d.AddDays(1) : floor;
        });

    protected async Task<StatisticsSnapshot> WriteSnapshotAsync(DateOnly asOf, Dictionary<int, Figures> figures)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<ComputeSnapshotJob>().WriteAsync(asOf, figures, "测试", CancellationToken.None);
        return await app.WithDbAsync(db => db.StatisticsSnapshots.AsNoTracking().SingleAsync(s => s.Id == id));
    }

    /// <summary>Removes a test's snapshot as the application would: the snapshot's own delete is saved, raising its stamp, so no page keeps showing it.</summary>
    protected Task RemoveSnapshotAsync(int id) =>
        app.WithDbAsync(async db =>
        {
            await db.SnapshotFigures.Where(r => r.SnapshotId == id).ExecuteDeleteAsync();
            db.StatisticsSnapshots.Remove(await db.StatisticsSnapshots.SingleAsync(s => s.Id == id));
            return await db.SaveChangesAsync();
        });

    protected static readonly Figures CityFigures = new(12_345, 6_789, 321, 40, 31, 200, 134, 80, 30, 40, 123_456_78, 9_000_00, 50);

    /// <summary>A village of 人和镇 of its own, which no snapshot written before this test can hold.</summary>
    protected Task<int> NewVillageAsync() =>
        app.WithDbAsync(async db =>
        {
            var township = await db.OrgUnits.SingleAsync(u => u.Code == "440111103");
            var taken = await db.OrgUnits.Where(u => u.ParentId == township.Id).Select(u => u.Code).ToListAsync();
            var code = Enumerable.Range(900, 99).Select(n => "440111103" + n).First(c => !taken.Contains(c));
            var village = OrgUnit.CreateChild(township, code, "统计测试村委会" + code[^3..], VillageKind.Village);
            db.OrgUnits.Add(village);
            await db.SaveChangesAsync();
            return village.Id;
        });

    /// <summary>Polls the status fragment as htmx does, until it stops answering 200 (at most a minute).</summary>
    protected static async Task<HttpResponseMessage> PollUntilDoneAsync(HttpClient client, string jobId)
    {
        for (var i = 0; ; i++)
        {
            var poll = new HttpRequestMessage(HttpMethod.Get, $"/Statistics?handler=Status&job={Uri.EscapeDataString(jobId)}");
            poll.Headers.Add("HX-Request", "true");
            var status = await client.SendAsync(poll);
            if ((int)status.StatusCode != 200 || i >= 120) return status;
            status.Dispose();
            await Task.Delay(500);
        }
    }

    protected static string Text(IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"页面中没有 {selector}");

    [GeneratedRegex(@"\d{17}[\dX]")]
    protected static partial Regex FullIdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    protected static partial Regex FullPhone();

    /// <summary>The drill-down page's URL as the dashboard links it (the pages build it by page name).</summary>
    protected static string PeopleUrl(Figure figure, int unitId, DateOnly asOf) =>
        $"/Statistics/People?figure={figure}&unit={unitId}&asOf={asOf:yyyy-MM-dd}";
}
