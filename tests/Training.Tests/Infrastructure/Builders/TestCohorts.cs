using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>A cohort the test made, with the fee schedules it offers.</summary>
public sealed record TestCohort(int Id, string Name, int AssociateFeeId, int OtherAssociateFeeId, int BachelorFeeId, DateOnly ApplyFrom, DateOnly ApplyTo);

/// <summary>Test cohorts in free years (2030 on), so that the demo's cohorts, quotas and figures stay as they are.</summary>
public static class TestCohorts
{
    private static readonly SemaphoreSlim OpenLock = new(1, 1);
    private static TestCohort? _open;

    /// <summary>One cohort open today (for 60 more days) offering two 大专 programs and one 本科 program, shared by the tests.</summary>
    public static async Task<TestCohort> OpenCohortAsync(this AppFixture app)
    {
        await OpenLock.WaitAsync();
        try { return _open ??= await app.CohortAsync(TestPeople.Today.AddDays(-10), TestPeople.Today.AddDays(60)); }
        finally { OpenLock.Release(); }
    }

    /// <summary>A cohort whose window runs <paramref name="from"/> to <paramref name="to"/>, offering two 大专 programs and one 本科 program.</summary>
    public static Task<TestCohort> CohortAsync(this AppFixture app, DateOnly from, DateOnly to) =>
        app.WithDbAsync(async db =>
        {
            var used = await db.Cohorts.Select(c => c.Year).ToListAsync();
            var year = Enumerable.Range(2030, 70).Where(y => !used.Contains(y)).OrderBy(_ => Random.Shared.Next()).First();
            var cohort = Cohort.Create(year, $"{year}年测试批次", from, to, 1000);
            var associates = await db.Programs.Where(p => p.Level == DegreeLevel.Associate).OrderBy(p => p.Id).Take(2).ToListAsync();
            var bachelor = await db.Programs.Where(p => p.Level == DegreeLevel.Bachelor).OrderBy(p => p.Id).FirstAsync();
            var a = cohort.Offer(associates[0], new FeeSplit(9_000_00, 6_000_00, 1_500_00, 1_500_00));
            var a2 = cohort.Offer(associates[1], new FeeSplit(7_000_00, 4_500_00, 1_000_00, 1_500_00));
            var b = cohort.Offer(bachelor, new FeeSplit(11_000_00, 8_000_00, 1_500_00, 1_500_00));
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return new TestCohort(cohort.Id, cohort.Name, a.Id, a2.Id, b.Id, from, to);
        });
}
