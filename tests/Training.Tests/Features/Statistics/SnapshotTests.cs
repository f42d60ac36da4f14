using Hangfire;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Demo;
using Training.Web.Features.Statistics;
using Training.Tests.Infrastructure;

namespace Training.Tests.Features.Statistics;

/// <summary>
/// The snapshot job run directly over the shared database: a second run for a date replaces
/// the first, a run that dies between its writes leaves the previous snapshot as it was, and
/// what it stores is what the statistics service computes.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SnapshotTests(AppFixture app)
{
    private static readonly DateOnly Report2019 = new(2019, 12, 31);

    private async Task RunJobAsync(DateOnly asOf, string trigger = "测试")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<ComputeSnapshotJob>();
        await job.RunAsync(asOf.ToString("yyyy-MM-dd"), trigger, refreshYearEnds: false, CancellationToken.None);
    }

    private Task<List<StatisticsSnapshot>> SnapshotsOnAsync(DateOnly asOf) =>
        app.WithDbAsync(db => db.StatisticsSnapshots.AsNoTracking().Where(s => s.AsOf == asOf).ToListAsync());

    [Fact]
    public async Task Should_replace_the_snapshot_of_a_date_when_the_job_runs_twice()
    {
        var asOf = new DateOnly(2018, 12, 31);

        await RunJobAsync(asOf, "第一次");
        var first = Assert.Single(await SnapshotsOnAsync(asOf));
        await RunJobAsync(asOf, "第二次");

        var second = Assert.Single(await SnapshotsOnAsync(asOf));
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("第二次", second.Trigger);
        var (units, rows, distinctUnits, orphanRows) = await app.WithDbAsync(async db => (
            await db.OrgUnits.CountAsync(),
            await db.SnapshotFigures.CountAsync(r => r.SnapshotId == second.Id),
            await db.SnapshotFigures.Where(r => r.SnapshotId == second.Id).Select(r => r.OrgUnitId).Distinct().CountAsync(),
            await db.SnapshotFigures.CountAsync(r => r.SnapshotId == first.Id)));
        Assert.Equal(units, rows);
        Assert.Equal(units, distinctUnits);
        Assert.Equal(0, orphanRows);
    }

    [Fact]
    public async Task Should_store_what_the_statistics_service_computes_for_each_unit()
    {
        await RunJobAsync(Report2019);

        var snapshot = Assert.Single(await SnapshotsOnAsync(Report2019));
        var units = await app.WithDbAsync(db => db.OrgUnits.AsNoTracking()
            .Where(u => u.Code == "440100" || u.Code == "440111" || u.Code == "440103" || u.Code == "440111103" || u.Code == DemoData.VillageCode)
            .Select(u => new { u.Id, u.Code, u.Path }).ToListAsync());
        Assert.Equal(5, units.Count);
        foreach (var unit in units)
        {
            var stored = await app.WithDbAsync(db => db.SnapshotFigures.AsNoTracking()
                .Where(r => r.SnapshotId == snapshot.Id && r.OrgUnitId == unit.Id).Select(SnapshotReads.ToFigures).SingleAsync());
            var fresh = await app.WithDbAsync(db => new StatisticsService(db).ComputeAsync(unit.Path, Report2019));
            Assert.True(fresh == stored, $"{unit.Code}: snapshot {stored}, service {fresh}");
        }
    }

    [Fact]
    public async Task Should_leave_the_previous_snapshot_intact_when_a_run_is_killed_midway()
    {
        var asOf = new DateOnly(2017, 12, 31);
        await RunJobAsync(asOf, "完整的一次");
        var before = Assert.Single(await SnapshotsOnAsync(asOf));
        var rowsBefore = await RowsAsync(before.Id);

        // The run dies after it deleted the old snapshot and wrote the new header, half way
        // through the rows (a trigger aborts the insert of the 1,500th unit's row, as a killed
        // process would stop there): everything it did must be rolled back.
        var middle = await app.WithDbAsync(db => db.OrgUnits.OrderBy(u => u.Id).Select(u => u.Id).Skip(1_500).FirstAsync());
        // A trigger takes no parameters: the id (an int from the database) is written into its text.
        var trigger = "CREATE TRIGGER KillSnapshotMidway BEFORE INSERT ON SnapshotFigures WHEN NEW.OrgUnitId = "
            + middle.ToString(System.Globalization.CultureInfo.InvariantCulture) + " BEGIN SELECT RAISE(ABORT, 'killed midway'); END";
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(trigger));
        try
        {
            var killed = await Assert.ThrowsAnyAsync<DbException>(() => RunJobAsync(asOf, "被中断的一次"));
            Assert.Contains("killed midway", killed.Message, StringComparison.Ordinal);
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER KillSnapshotMidway"));
        }

        var after = Assert.Single(await SnapshotsOnAsync(asOf));
        Assert.Equal(before.Id, after.Id);
        Assert.Equal("完整的一次", after.Trigger);
        Assert.Equal(before.ComputedAt, after.ComputedAt);
        Assert.Equal(rowsBefore, await RowsAsync(after.Id));
    }

    [Fact]
    public async Task Should_store_every_cohort_year_end_before_the_date_and_refresh_them_only_when_asked()
    {
        var asOf = new DateOnly(2015, 3, 1); // cohorts start in 2012: year ends 2012, 2013 and 2014
        var yearEnds = new[] { 2012, 2013, 2014 }.Select(ComputeSnapshotJob.YearEnd).ToList();
        // An import earlier in the run queues a snapshot job that stores year ends too; this run must find none.
        await app.WithDbAsync(db => db.StatisticsSnapshots.Where(s => yearEnds.Contains(s.AsOf)).ExecuteDeleteAsync());
        await RunJobAsync(asOf, "年末");

        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(yearEnds, await scope.ServiceProvider.GetRequiredService<ComputeSnapshotJob>().YearEndsBeforeAsync(asOf, onlyMissing: false, CancellationToken.None));
        var stored = new List<StatisticsSnapshot>();
        foreach (var yearEnd in yearEnds) stored.Add(Assert.Single(await SnapshotsOnAsync(yearEnd)));
        var city = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "440100").Select(u => new { u.Id, u.Path }).SingleAsync());
        var at2013 = await app.WithDbAsync(db => db.SnapshotFigures.AsNoTracking()
            .Where(r => r.SnapshotId == stored[1].Id && r.OrgUnitId == city.Id).Select(SnapshotReads.ToFigures).SingleAsync());
        Assert.Equal(await app.WithDbAsync(db => new StatisticsService(db).ComputeAsync(city.Path, yearEnds[1])), at2013);

        // Another run for a date keeps the year ends it finds; the nightly and after-import runs redo them.
        await RunJobAsync(asOf, "再次");
        foreach (var (yearEnd, first) in yearEnds.Zip(stored))
            Assert.Equal(first.Id, Assert.Single(await SnapshotsOnAsync(yearEnd)).Id);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ComputeSnapshotJob>()
                .RunAsync(asOf.ToString("yyyy-MM-dd"), ComputeSnapshotJob.TriggerImport, refreshYearEnds: true, CancellationToken.None);
        foreach (var (yearEnd, first) in yearEnds.Zip(stored))
        {
            var again = Assert.Single(await SnapshotsOnAsync(yearEnd));
            Assert.NotEqual(first.Id, again.Id);
            Assert.Equal(ComputeSnapshotJob.TriggerImport, again.Trigger);
        }
    }

    [Fact]
    public async Task Should_write_exactly_the_given_figures_and_replace_them_on_a_second_write()
    {
        var asOf = new DateOnly(2016, 6, 30);
        var cityId = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "440100").Select(u => u.Id).SingleAsync());
        var one = new Figures(10, 5, 3, 4, 3, 20, 12, 8, 2, 4, 1_000_00, 2_000_00, 300);
        var two = one with { Participants = 11 };

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<ComputeSnapshotJob>();
            await job.WriteAsync(asOf, new Dictionary<int, Figures> { [cityId] = one }, "测试", CancellationToken.None);
            await job.WriteAsync(asOf, new Dictionary<int, Figures> { [cityId] = two }, "测试", CancellationToken.None);
        }

        var snapshot = Assert.Single(await SnapshotsOnAsync(asOf));
        var stored = await app.WithDbAsync(db => db.SnapshotFigures.AsNoTracking().Where(r => r.SnapshotId == snapshot.Id)
            .Select(SnapshotReads.ToFigures).ToListAsync());
        Assert.Equal(two, Assert.Single(stored));
    }

    private static readonly Func<SnapshotFigure, Figures> ToFigures = SnapshotReads.ToFigures.Compile();

    /// <summary>Every row of a snapshot as "unit id: figures", to compare two reads of it.</summary>
    private Task<List<string>> RowsAsync(int snapshotId) =>
        app.WithDbAsync(async db => (await db.SnapshotFigures.AsNoTracking().Where(r => r.SnapshotId == snapshotId)
                .OrderBy(r => r.OrgUnitId).ToListAsync())
            .Select(r => $"{r.OrgUnitId}: {ToFigures(r)}").ToList());

    [Fact]
    public void Should_register_the_nightly_snapshot_at_one_in_the_morning_China_time()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var nightly = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection)
            .SingleOrDefault(j => j.Id == ComputeSnapshotJob.RecurringId);

        Assert.NotNull(nightly);
        Assert.Equal("0 1 * * *", nightly.Cron);
        Assert.Contains(nightly.TimeZoneId, new[] { "Asia/Shanghai", "China Standard Time" });
        Assert.Equal(typeof(ComputeSnapshotJob), nightly.Job.Type);
    }
}
