using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
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

    [Fact]
    public async Task Should_count_a_townships_selection_a_candidate_taken_into_the_pool_and_an_evaluation_at_once_after_the_home_was_read()
    {
        // Each figure is kept following only what it counts, and must move as soon as that changed. The records are made
        // first (a new person would make every figure count again) and then only moved on, each step changing one figure.
        var recommended = await app.CandidateAsync(TestPeople.OwnVillage);
        var selected = await app.CandidateAsync(TestPeople.OwnVillage, ReserveState.Selected);
        var pair = await app.PairAsync(startedAgo: MentorPair.EvaluationIntervalDays + 10);
        var township = await app.SignInAsync("township-440111103");
        var before = await FiguresAsync(township);
        var (today, now) = (TestPeople.Today, DateTime.UtcNow);

        await SavedAsync(async db => (await db.Reserves.SingleAsync(r => r.Id == recommended)).SelectByTownship("test-township", null, today, now));
        var afterSelection = await FiguresAsync(township);
        await SavedAsync(async db => (await db.Reserves.SingleAsync(r => r.Id == selected)).PutInPool("test-district", null, today, now));
        var afterPool = await FiguresAsync(township);
        await SavedAsync(async db => (await db.MentorPairs.Include(p => p.Evaluations).SingleAsync(p => p.Id == pair))
            .Evaluate(today, Rating.Good, "进步明显", "test-township", now, today));
        var afterEvaluation = await FiguresAsync(township);

        Assert.Equal(before with { Waiting = before.Waiting - 1 }, afterSelection);
        Assert.Equal(afterSelection with { InPool = afterSelection.InPool + 1 }, afterPool);
        Assert.Equal(afterPool with { Overdue = afterPool.Overdue - 1 }, afterEvaluation);
    }

    private Task<int> SavedAsync(Func<Training.Core.Data.TrainingDbContext, Task> step) => app.WithDbAsync(async db =>
    {
        await step(db);
        return await db.SaveChangesAsync();
    });

    private sealed record Figures(int Waiting, int InPool, int Overdue);

    private static async Task<Figures> FiguresAsync(HttpClient client)
    {
        using var home = await client.GetAsync("/");
        var html = await home.ReadHtmlAsync();
        int Number(string? text) => int.TryParse(text, out var n) ? n : 0;
        var inPool = html.QuerySelectorAll(".stat").Single(s => s.QuerySelector(".stat-label")?.TextContent == "在库后备人选")
            .QuerySelector(".stat-value")!.TextContent;
        return new Figures(Number(html.QuerySelector("[data-testid=candidates-waiting] strong")?.TextContent), Number(inPool),
            Number(html.QuerySelector("[data-testid=pairs-overdue] strong")?.TextContent));
    }
}
