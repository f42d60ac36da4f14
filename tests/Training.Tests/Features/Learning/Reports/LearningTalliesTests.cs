using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Tests.Features.Classes;
using Training.Web.Features.Learning.Reports;

namespace Training.Tests.Features.Learning.Reports;

/// <summary>
/// The report's kept rows (<see cref="LearningTally"/>): a save makes stale exactly the villages it touched (an
/// assignment: every one), the report counts those again and stays equal to a plain recount after each kind of
/// change; a row raised while the report counted stays stale; a row edited behind the application's back is
/// what the report reads until the nightly job counts every row again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LearningTalliesTests(AppFixture app)
{
    private static DateOnly Today => TestPeople.Today;
    private const string OtherDistrictVillage = "440118"; // a village of 增城区: nothing below happens there

    private Task<Dictionary<int, LearningFigures>> CityAsync(TrainingDbContext db) =>
        db.OrgUnits.Where(u => u.Code == "440100").Select(u => new LearningReport.Unit(u.Id, u.Code, u.Name, u.Path, u.Level)).SingleAsync()
            .ContinueWith(u => new LearningReport(db).ComputeUnderAsync(u.Result, Today.Year, Today, CancellationToken.None)).Unwrap();

    /// <summary>The city's report, unit by unit, equals the plain recount.</summary>
    private async Task AssertExactAsync()
    {
        var report = await app.WithDbAsync(CityAsync);
        var codes = await app.WithDbAsync(db => db.OrgUnits.ToDictionaryAsync(u => u.Id, u => u.Code));
        var plain = await app.WithDbAsync(db => PlainLearningCount.EveryUnitAsync(db, Today.Year, Today));
        var differing = report.Where(x => plain[codes[x.Key]] != x.Value).Select(x => $"{codes[x.Key]}: {x.Value} ≠ {plain[codes[x.Key]]}").Take(5).ToList();
        Assert.True(differing.Count == 0, string.Join("\n", differing));
    }

    /// <summary>The codes of the units whose row of this year does not stand for today.</summary>
    private Task<HashSet<string>> StaleAsync() =>
        app.WithDbAsync(async db =>
        {
            var rows = await db.LearningTallies.AsNoTracking().Where(t => t.Year == Today.Year).ToListAsync();
            var codes = await db.OrgUnits.ToDictionaryAsync(u => u.Id, u => u.Code);
            return rows.Where(r => !r.IsCurrent(Today)).Select(r => codes[r.UnitId]).ToHashSet();
        });

    private Task<string> OtherVillageAsync() =>
        app.WithDbAsync(db => db.OrgUnits.Where(u => u.Level == OrgLevel.Village && u.Code.StartsWith(OtherDistrictVillage))
            .OrderBy(u => u.Code).Select(u => u.Code).FirstAsync());

    [Fact]
    public async Task Should_count_again_the_villages_a_save_touched_and_stay_equal_to_a_recount()
    {
        var own = TestPeople.OwnVillage;
        var quiet = await OtherVillageAsync();
        var moveTo = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Level == OrgLevel.Village && u.Code.StartsWith("440111") && u.Code != own)
            .OrderBy(u => u.Code).Select(u => u.Code).FirstAsync());
        var cadre = await app.PersonAsync(cadreSince: Today.AddYears(-1));
        var (reserveId, _) = await app.ReserveAsync();
        await AssertExactAsync();
        Assert.DoesNotContain(own, await StaleAsync());

        async Task ChangeAsync(Action<TrainingDbContext, Person, ReserveCandidate> change, params string[] touched)
        {
            await app.WithDbAsync(async db =>
            {
                var person = await db.Persons.Include(p => p.Posts).SingleAsync(p => p.Id == cadre);
                var reserve = await db.Reserves.SingleAsync(r => r.Id == reserveId);
                change(db, person, reserve);
                return await db.SaveChangesAsync();
            });
            var stale = await StaleAsync();
            Assert.All(touched, code => Assert.Contains(code, stale));
            Assert.DoesNotContain(quiet, stale);
            await AssertExactAsync();
            Assert.Empty(await StaleAsync());
        }

        await ChangeAsync((db, p, _) => db.StudyLedger.Add(StudyLedgerEntry.Credit(p.Id, Today, 30, true, StudySource.Class, null, "test", DateTime.UtcNow)), own);
        await ChangeAsync((_, p, _) => p.Posts.Single().End(Today.AddDays(-1)), own);
        await ChangeAsync((_, p, _) => p.UpdateContact(p.Name, null, PoliticalStatus.Masses), own);
        await ChangeAsync((db, p, _) => p.MoveTo(db.OrgUnits.Single(u => u.Code == moveTo)), own, moveTo);
        await ChangeAsync((_, _, r) => r.Exit(Today, "测试退出", "test", DateTime.UtcNow), own);
    }

    [Fact]
    public async Task Should_make_stale_the_units_an_assignment_reaches_and_every_unit_for_a_cohort()
    {
        await AssertExactAsync();
        var quiet = await OtherVillageAsync();
        var course = await app.CourseAsync();

        await app.AssignAsync(course.Id, "440111", startOn: new DateOnly(Today.Year, 1, 1), dueOn: Today.AddDays(-1));

        var stale = await StaleAsync();
        Assert.Contains(TestPeople.OwnVillage, stale);
        Assert.Contains("440111", stale);
        Assert.DoesNotContain(quiet, stale);
        Assert.DoesNotContain("440100", stale);
        await AssertExactAsync();

        await app.WithDbAsync(async db =>
        {
            var city = await db.OrgUnits.SingleAsync(u => u.Code == "440100");
            var cohort = await db.Cohorts.OrderBy(c => c.Id).FirstAsync();
            db.Assignments.Add(Assignment.ToCohort(city, await db.Courses.SingleAsync(c => c.Id == course.Id), true,
                new DateOnly(Today.Year, 1, 1), Today.AddDays(-1), cohort, "test", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        Assert.Contains(quiet, await StaleAsync());
        await AssertExactAsync();
    }

    [Fact]
    public async Task Should_leave_a_row_stale_when_a_save_raised_it_while_the_report_counted()
    {
        await app.WithDbAsync(db => db.LearningTallies.ExecuteUpdateAsync(s => s.SetProperty(t => t.Version, t => t.Version + 1))); // every row stale
        var village = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == TestPeople.OwnVillage).Select(u => u.Id).SingleAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var options = new DbContextOptionsBuilder<TrainingDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<TrainingDbContext>>())
                .AddInterceptors(new RaiseWhileCounting(village)).Options;
            await using var db = new TrainingDbContext(options);
            await CityAsync(db);
        }

        Assert.Equal([TestPeople.OwnVillage], await StaleAsync());
        await AssertExactAsync();
        Assert.Empty(await StaleAsync());
    }

    [Fact]
    public async Task Should_read_a_row_edited_behind_its_back_until_the_nightly_job_counts_every_row_again()
    {
        await AssertExactAsync();
        var village = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == TestPeople.OwnVillage).Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(db => db.LearningTallies.Where(t => t.Year == Today.Year && t.UnitId == village)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Learners, 99_999)));
        Assert.Equal(99_999, (await app.WithDbAsync(CityAsync))[village].Learners);

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<LearningFiguresJob>().RunAsync(CancellationToken.None);

        Assert.Empty(await StaleAsync());
        await AssertExactAsync();
    }

    [Fact]
    public async Task Should_count_the_stale_rows_again_in_the_minutes_warming_so_the_next_report_finds_them_current()
    {
        await AssertExactAsync();
        await app.WithDbAsync(db => db.LearningTallies.ExecuteUpdateAsync(s => s.SetProperty(t => t.Version, t => t.Version + 1)));
        Assert.NotEmpty(await StaleAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var warming = ActivatorUtilities.CreateInstance<LearningFiguresJob>(scope.ServiceProvider, (IConfiguration)new ConfigurationBuilder().Build());
            Assert.True(await warming.WarmAsync(CancellationToken.None) > 0);
        }

        Assert.Empty(await StaleAsync());
        await AssertExactAsync();
    }

    [Fact]
    public async Task Should_name_the_villages_before_and_after_a_move_and_everything_for_an_assignment_or_a_large_import()
    {
        await app.WithDbAsync(async db =>
        {
            var person = await db.Persons.FirstAsync(p => p.Village.Code == TestPeople.OwnVillage);
            var from = person.VillageId;
            var to = await db.OrgUnits.FirstAsync(u => u.Level == OrgLevel.Village && u.Id != from);
            person.MoveTo(to);
            var moved = LearningTallyStamps.Touched(db.ChangeTracker);
            Assert.False(moved.All);
            Assert.Equal(new[] { from, to.Id }.Order(), moved.Units.Order());
            db.ChangeTracker.Clear();

            db.StudyLedger.AddRange(Enumerable.Range(1, LearningTallyStamps.MostIds + 1)
                .Select(id => StudyLedgerEntry.Credit(id, Today, 1, true, StudySource.Class, null, "test", DateTime.UtcNow)));
            Assert.True(LearningTallyStamps.Touched(db.ChangeTracker).All);
            db.ChangeTracker.Clear();

            db.StudyTargets.Add(StudyTarget.Set(2001, TargetCategory.PartyMember, 10, 5));
            Assert.True(LearningTallyStamps.Touched(db.ChangeTracker).All);
            db.ChangeTracker.Clear();
            return 0;
        });
    }

    /// <summary>
    /// Another node's save, landing once between the report's reading of the versions and its counting of the
    /// persons (the first query over the persons after the rows were read).
    /// </summary>
    private sealed class RaiseWhileCounting(int unitId) : DbCommandInterceptor
    {
        private bool _versionsRead, _raised;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            if (command.CommandText.Contains("FROM \"LearningTallies\"", StringComparison.Ordinal)) _versionsRead = true;
            else if (_versionsRead && !_raised && command.CommandText.Contains("FROM \"Persons\"", StringComparison.Ordinal))
            {
                _raised = true;
                await using var raise = command.Connection!.CreateCommand();
                raise.Transaction = command.Transaction;
                raise.CommandText = $"UPDATE \"LearningTallies\" SET \"Version\" = \"Version\" + 1 WHERE \"UnitId\" = {unitId}";
                await raise.ExecuteNonQueryAsync(ct);
            }
            return result;
        }
    }
}
