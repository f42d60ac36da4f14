using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Home;

/// <summary>
/// The staff home page's 待办: what waits at the account's own step of the reserve workflow,
/// the mentoring pairs without an evaluation for 90 days, and the villages below the 1:2 rule
/// read as the coverage page reads it (two 书记后备 for the secretary post), each counted here
/// again from the rows. (On the demo data a count of total reserves alone gives 人和镇 one village
/// fewer: it has a village at 100% without any 书记后备; the page used to count that way.)
/// </summary>
[Collection(AppCollection.Name)]
public sealed class StaffHomeTests(AppFixture app)
{
    private const string TownshipPath = "/440100/440111/440111103/";

    [Fact]
    public async Task Should_show_the_townships_overdue_pairs_waiting_candidates_and_villages_below_the_rule()
    {
        var today = TimeProvider.System.Today();
        var (overdue, recommended, below) = await app.WithDbAsync(async db =>
        {
            var overdue = await db.MentorPairs.Where(p => p.Reserve.Village.Path.StartsWith(TownshipPath))
                .Where(MentorPair.OverdueOn(today)).CountAsync();
            var recommended = await db.Reserves.CountAsync(r => r.Village.Path.StartsWith(TownshipPath) && r.State == ReserveState.Recommended);
            var villages = await db.OrgUnits.Where(u => u.Level == OrgLevel.Village && u.Path.StartsWith(TownshipPath))
                .Select(u => new { u.Id, u.KeyPosts }).ToListAsync();
            var pool = await db.Reserves.Where(r => r.Village.Path.StartsWith(TownshipPath))
                .Where(ReserveCandidate.InPoolOnDate(today)).Select(r => new { r.VillageId, r.Target }).ToListAsync();
            var below = villages.Count(v =>
            {
                var secretary = pool.Count(r => r.VillageId == v.Id && r.Target == ReserveTarget.Secretary);
                var all = pool.Count(r => r.VillageId == v.Id);
                return secretary < 2 * Math.Min(v.KeyPosts, 1) || all < 2 * v.KeyPosts;
            });
            return (overdue, recommended, below);
        });
        Assert.True(overdue > 0, "演示数据中人和镇应有逾期未评价的结对帮带。");

        var township = await app.SignInAsync("township-440111103");
        using var home = await township.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.ReadHtmlAsync();

        Assert.Equal(overdue.ToString(), html.QuerySelector("[data-testid=pairs-overdue] strong")?.TextContent);
        Assert.Equal("/Mentoring?Overdue=true", html.QuerySelector("[data-testid=pairs-overdue] a")?.GetAttribute("href"));
        Assert.Equal(below == 0 ? null : below.ToString(), html.QuerySelector("[data-testid=villages-below] strong")?.TextContent);
        Assert.Equal(recommended == 0 ? null : recommended.ToString(), html.QuerySelector("[data-testid=candidates-waiting] strong")?.TextContent);
    }
}
