using Training.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.Demo;
using Training.Web.Features.Statistics;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Statistics;

/// <summary>
/// The figures of PRODUCT.md §8 through <see cref="StatisticsService"/>, on a database of
/// their own: the city-scale demo data plus a hand-built township (增城区 990, three villages)
/// where every edge of every definition is exercised. The shared test database is not used:
/// a new township there would change the unit counts the demo checks rely on, and other tests
/// add rows to it.
/// </summary>
public sealed class StatisticsServiceTests(StatisticsDatabase data) : IClassFixture<StatisticsDatabase>
{
    private const string City = "/440100/";
    private static readonly DateOnly D = StatisticsDatabase.D;
    private static readonly DateOnly Report2019 = new(2019, 12, 31);

    private string Township => data.Hand.TownshipPath;
    private string V1 => data.Hand.V1Path;
    private string V2 => data.Hand.V2Path;
    private string V3 => data.Hand.V3Path;

    // ---- the demo data ------------------------------------------------------------------

    [Fact]
    public async Task Should_give_the_2019_figures_of_the_demo_data_for_the_city()
    {
        var f = await data.StatisticsAsync(s => s.ComputeAsync(City, Report2019));

        Assert.Equal(11_065, f.Participants);
        Assert.Equal(5_233, f.Graduates);
        Assert.Equal("78.0%", f.SecretaryShare.ToString());
        Assert.Equal("67.0%", f.TwoCommitteeShare.ToString());
        Assert.Equal(14_040, f.ReservesInPool);
        Assert.Equal(5_500, f.SecretaryReserves);
        Assert.Equal(DemoData.Secretaries2019, f.Secretaries);
        Assert.Equal(DemoData.SecretariesAssociateOrAbove2019, f.SecretariesAssociateOrAbove);
        Assert.Equal(DemoData.TwoCommitteeCadres2019, f.TwoCommitteeCadres);
        Assert.Equal(DemoData.TwoCommitteeAssociateOrAbove2019, f.TwoCommitteeAssociateOrAbove);
        // The hand-built villages add 6 key posts (1 + 3 + 0, and 1 + 1 for W1 and W2) to the demo data's.
        Assert.Equal(DemoData.KeyPosts + 6, f.KeyPosts);
    }

    [Fact]
    public async Task Should_give_every_unit_the_figures_of_a_plain_count_over_its_rows()
    {
        foreach (var day in new[] { Report2019, D, StatisticsDatabase.CGraduates })
        {
            var all = await data.StatisticsAsync(s => s.ComputeForAllUnitsAsync(day));
            var plain = await data.WithDbAsync(db => PlainCount.EveryUnitAsync(db, day));

            Assert.Equal(plain.Count, all.Count);
            foreach (var (unitId, expected) in plain)
                Assert.True(expected == all[unitId], $"unit {unitId} on {day}: plain {expected}, service {all[unitId]}");
        }
    }

    [Fact]
    public async Task Should_give_a_unit_alone_and_its_children_the_figures_of_the_all_units_pass()
    {
        var all = await data.StatisticsAsync(s => s.ComputeForAllUnitsAsync(D));
        var units = await data.WithDbAsync(db => db.OrgUnits.AsNoTracking()
            .Select(u => new { u.Id, u.Code, u.Path, u.Level, u.ParentId }).ToListAsync());

        var sample = units.Where(u => u.Level <= OrgLevel.District).ToList();
        sample.AddRange(units.Where(u => u.Level == OrgLevel.Township).OrderBy(u => u.Code).Where((_, i) => i % 40 == 0));
        sample.AddRange(units.Where(u => u.Level == OrgLevel.Village).OrderBy(u => u.Code).Where((_, i) => i % 700 == 0));
        sample.AddRange(units.Where(u => u.Code.StartsWith("44011899", StringComparison.Ordinal)));
        foreach (var unit in sample)
        {
            var alone = await data.StatisticsAsync(s => s.ComputeAsync(unit.Path, D));
            Assert.True(alone == all[unit.Id], $"{unit.Code}: alone {alone}, in the all-units pass {all[unit.Id]}");
        }

        foreach (var parent in new[] { "440118", "440118990" })
        {
            var id = units.Single(u => u.Code == parent).Id;
            var children = await data.StatisticsAsync(s => s.ComputeForChildrenAsync(id, D));
            Assert.Equal(units.Where(u => u.ParentId == id).Select(u => u.Code).Order(StringComparer.Ordinal), children.Select(c => c.Code));
            Assert.All(children, c => Assert.Equal(all[c.UnitId], c.Figures));
        }
        Assert.Empty(await data.StatisticsAsync(s => s.ComputeForChildrenAsync(units.Single(u => u.Code == DemoData.VillageCode).Id, D)));
        Assert.Equal(Figures.Zero, await data.StatisticsAsync(s => s.ComputeAsync("/440100/449999/", D)));
    }

    [Fact]
    public async Task Should_count_a_person_in_villages_of_two_townships_once_for_the_district()
    {
        var district = await data.StatisticsAsync(s => s.ComputeAsync("/440100/440118/", D));
        var districtId = await data.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "440118").Select(u => u.Id).SingleAsync());
        var townships = await data.StatisticsAsync(s => s.ComputeForChildrenAsync(districtId, D));
        var sum = townships.Aggregate(Figures.Zero, (total, t) => total + t.Figures);

        // 庚 is a cadre (and 大专 since 2023) in 统计二镇 and 统计三镇, a participant in both
        // (graduated in one, studying in the other), a secretary in one only.
        Assert.Equal((1, 1), (townships.Single(t => t.Code == "440118991").Figures.Secretaries, townships.Single(t => t.Code == "440118992").Figures.TwoCommitteeCadres));
        Assert.Equal(sum.TwoCommitteeCadres - 1, district.TwoCommitteeCadres);
        Assert.Equal(sum.TwoCommitteeAssociateOrAbove - 1, district.TwoCommitteeAssociateOrAbove);
        Assert.Equal(sum.Participants - 1, district.Participants);
        Assert.Equal(sum.Secretaries, district.Secretaries);
        Assert.Equal(sum.SecretariesAssociateOrAbove, district.SecretariesAssociateOrAbove);
        Assert.Equal(sum.Graduates, district.Graduates);
        Assert.Equal(sum.InStudy, district.InStudy);
        // Rows are no persons: money, reserves and key posts are plain sums.
        Assert.Equal((sum.SelfPaidFen, sum.ReservesInPool, sum.KeyPosts), (district.SelfPaidFen, district.ReservesInPool, district.KeyPosts));
        Assert.Contains(data.Hand.G, await data.StatisticsAsync(s => s.PersonsBehind(Figure.TwoCommitteeCadres, "/440100/440118/", D).ToListAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Should_translate_every_figure_to_one_SQL_query_per_source_on_both_providers(DatabaseProvider provider)
    {
        // ToQueryString needs no server: it fails when EF cannot translate (no client evaluation).
        var options = new DbContextOptionsBuilder<TrainingDbContext>();
        TestDatabases.Configure(options, provider, provider == DatabaseProvider.Sqlite
            ? "Data Source=statistics-translation.db"
            : "Server=localhost;Database=Training;Trusted_Connection=True;TrustServerCertificate=True");
        using var db = new TrainingDbContext(options.Options);
        var service = new StatisticsService(db);

        foreach (var path in new[] { null, City })
        {
            var q = service.QueriesFor(path, D);
            foreach (var sql in new[] { q.Enrollments.ToQueryString(), q.Posts.ToQueryString(), q.Reserves.ToQueryString(), q.SharedEnrollments.ToQueryString(), q.SharedPosts.ToQueryString() })
                Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
            Assert.Contains("COUNT(DISTINCT", q.Posts.ToQueryString(), StringComparison.Ordinal);
            // The education test is evaluated per row in a derived table, never as a correlated count per group.
            Assert.DoesNotContain("SELECT COUNT(*)", q.Posts.ToQueryString(), StringComparison.Ordinal);
            Assert.Contains("HAVING", q.SharedPosts.ToQueryString(), StringComparison.Ordinal);
        }
        Assert.Contains("GROUP BY", service.CohortYearQuery(City, D).ToQueryString(), StringComparison.Ordinal);
        foreach (var figure in Enum.GetValues<Figure>())
            Assert.StartsWith("SELECT DISTINCT", service.PersonsBehind(figure, City, D).ToQueryString().Split("\n\n").Last().TrimStart(), StringComparison.Ordinal);
    }

    // ---- the hand-built township ---------------------------------------------------------

    [Fact]
    public async Task Should_count_cadres_holding_a_post_on_the_day_once_each()
    {
        var t = await data.StatisticsAsync(s => s.ComputeAsync(Township, D));
        var v1 = await data.StatisticsAsync(s => s.ComputeAsync(V1, D));
        var v2 = await data.StatisticsAsync(s => s.ComputeAsync(V2, D));

        // 甲 holds 书记 and 主任 in V1 (交叉任职) and 委员 in V2; 乙's 委员 post ends on D; 丙 holds 委员; 丁 became 书记 on D.
        Assert.Equal(1, v1.TwoCommitteeCadres);
        Assert.Equal(4, v2.TwoCommitteeCadres);
        Assert.Equal(4, t.TwoCommitteeCadres); // 甲 once for the township, though counted in both villages
        // 乙's 书记 post ended the day before D, 丙's starts the day after.
        Assert.Equal(1, v1.Secretaries);
        Assert.Equal(1, v2.Secretaries);
        Assert.Equal(2, t.Secretaries);
    }

    [Fact]
    public async Task Should_count_secretaries_the_day_before_with_the_post_that_ended_then()
    {
        var t = await data.StatisticsAsync(s => s.ComputeAsync(Township, D.AddDays(-1)));

        Assert.Equal(2, t.Secretaries); // 甲 and 乙; 丁 starts on D
        Assert.Equal(2, t.SecretariesAssociateOrAbove);
        Assert.Equal(3, t.TwoCommitteeCadres); // 甲, 乙, 丙
    }

    [Fact]
    public async Task Should_take_the_highest_education_on_the_day_from_the_history()
    {
        var t = await data.StatisticsAsync(s => s.ComputeAsync(Township, D));
        var v2 = await data.StatisticsAsync(s => s.ComputeAsync(V2, D));

        // 甲 graduated (大专) before D; 乙's base is 大专; 丙 graduates after D; 丁 has 初中.
        Assert.Equal(1, t.SecretariesAssociateOrAbove);
        Assert.Equal(2, t.TwoCommitteeAssociateOrAbove);
        Assert.Equal("50.0%", t.SecretaryShare.ToString());
        Assert.Equal("50.0%", t.TwoCommitteeShare.ToString());
        Assert.Equal(0, v2.SecretariesAssociateOrAbove);
        Assert.Equal(2, v2.TwoCommitteeAssociateOrAbove);

        // From 丙's graduation day on, 丙 counts as 大专 (乙's posts ended on D).
        var graduationDay = StatisticsDatabase.CGraduates;
        var before = await data.StatisticsAsync(s => s.ComputeAsync(Township, graduationDay.AddDays(-1)));
        var on = await data.StatisticsAsync(s => s.ComputeAsync(Township, graduationDay));
        Assert.Equal(1, before.TwoCommitteeAssociateOrAbove);
        Assert.Equal(2, on.TwoCommitteeAssociateOrAbove);
        Assert.Contains(data.Hand.C, await data.StatisticsAsync(s => s.PersonsBehind(Figure.TwoCommitteeAssociateOrAbove, Township, graduationDay).ToListAsync()));
    }

    [Fact]
    public async Task Should_count_participants_graduates_and_those_in_study_on_the_day()
    {
        var t = await data.StatisticsAsync(s => s.ComputeAsync(Township, D));
        var v1 = await data.StatisticsAsync(s => s.ComputeAsync(V1, D));
        var v2 = await data.StatisticsAsync(s => s.ComputeAsync(V2, D));

        // 甲 graduated, then withdrew from a later program: still a graduate, not in study.
        // 丙 graduates after D: in study on D. 丁 withdrew on D: not in study. 戊 studies.
        // 己 is admitted after D: not counted at all.
        Assert.Equal(4, t.Participants);
        Assert.Equal(1, t.Graduates);
        Assert.Equal(2, t.InStudy);
        Assert.Equal((2, 1, 1), (v1.Participants, v1.Graduates, v1.InStudy));
        Assert.Equal((2, 0, 1), (v2.Participants, v2.Graduates, v2.InStudy));

        var dayBefore = await data.StatisticsAsync(s => s.ComputeAsync(Township, D.AddDays(-1)));
        Assert.Equal(3, dayBefore.InStudy); // 丁 still studies the day before the withdrawal
    }

    [Fact]
    public async Task Should_sum_the_splits_of_enrollments_admitted_by_the_day()
    {
        var t = await data.StatisticsAsync(s => s.ComputeAsync(Township, D));
        var v1 = await data.StatisticsAsync(s => s.ComputeAsync(V1, D));

        // Four enrollments with split S1 and 戊's with S2; 己's (admitted after D) is left out.
        Assert.Equal(4 * 150_000 + 300_000, t.SelfPaidFen);
        Assert.Equal(4 * 450_000 + 500_000, t.SubsidyFen);
        Assert.Equal(4 * 150_000 + 200_000, t.WaiverFen);
        Assert.Equal(2 * 150_000 + 300_000, v1.SelfPaidFen);
    }

    [Fact]
    public async Task Should_count_reserves_in_the_pool_on_the_day()
    {
        var t = await data.StatisticsAsync(s => s.ComputeAsync(Township, D));
        var v2 = await data.StatisticsAsync(s => s.ComputeAsync(V2, D));

        // 戊 (书记后备) in the pool; 丙 appointed on D: left the pool that day; 己 exits after D
        // and has a second (书记) reserve entering the pool after D.
        Assert.Equal(2, t.ReservesInPool);
        Assert.Equal(1, t.SecretaryReserves);
        Assert.Equal(0, v2.ReservesInPool);
        Assert.Equal(4, t.KeyPosts);
        Assert.Equal("0.50", t.ReserveRatio.ToString());

        var dayBefore = await data.StatisticsAsync(s => s.ComputeAsync(Township, D.AddDays(-1)));
        Assert.Equal(3, dayBefore.ReservesInPool); // 丙 still in the pool
    }

    [Fact]
    public async Task Should_show_a_dash_for_a_share_or_ratio_without_denominator()
    {
        var v3 = await data.StatisticsAsync(s => s.ComputeAsync(V3, D));

        Assert.Equal(Figures.Zero, v3);
        Assert.Equal("—", v3.SecretaryShare.ToString());
        Assert.Equal("—", v3.TwoCommitteeShare.ToString());
        Assert.Equal("—", v3.ReserveRatio.ToString());
        Assert.Null(v3.SecretaryShare.Value);
    }

    [Theory]
    [InlineData(78, 100, "78.0%")]
    [InlineData(2_224, 2_851, "78.0%")]
    [InlineData(13_400, 20_000, "67.0%")]
    [InlineData(7, 9, "77.8%")]
    [InlineData(1, 8, "12.5%")]
    [InlineData(1, 2_000, "0.1%")] // 0.05% rounds away from zero
    [InlineData(0, 5, "0.0%")]
    [InlineData(0, 0, "—")]
    public void Should_show_shares_rounded_to_one_decimal_of_a_percent(long part, long whole, string shown)
    {
        Assert.Equal(shown, new Share(part, whole).ToString());
    }

    [Fact]
    public async Task Should_list_per_cohort_year_the_enrollments_admitted_graduated_and_in_study()
    {
        var years = await data.StatisticsAsync(s => s.ComputeByCohortYearAsync(Township, D));

        Assert.Equal(Enumerable.Range(2012, 13), years.Select(y => y.Year)); // cohorts up to D's year
        Assert.Equal(new CohortYearFigures(2020, 1, 1, 0), years.Single(y => y.Year == 2020));
        Assert.Equal(new CohortYearFigures(2021, 0, 0, 0), years.Single(y => y.Year == 2021));
        Assert.Equal(new CohortYearFigures(2022, 2, 0, 1), years.Single(y => y.Year == 2022));
        Assert.Equal(new CohortYearFigures(2023, 2, 0, 1), years.Single(y => y.Year == 2023));
        Assert.Equal(new CohortYearFigures(2024, 0, 0, 0), years.Single(y => y.Year == 2024)); // 己 admitted after D
        Assert.Equal("100.0%", years.Single(y => y.Year == 2020).GraduationRate.ToString());
        Assert.Equal("—", years.Single(y => y.Year == 2024).GraduationRate.ToString());
    }

    [Fact]
    public async Task Should_list_the_persons_behind_each_figure_consistently_with_its_count()
    {
        var h = data.Hand;
        var expected = new Dictionary<Figure, int[]>
        {
            [Figure.Participants] = [h.A, h.C, h.Dd, h.E],
            [Figure.Graduates] = [h.A],
            [Figure.InStudy] = [h.C, h.E],
            [Figure.Secretaries] = [h.A, h.Dd],
            [Figure.SecretariesAssociateOrAbove] = [h.A],
            [Figure.TwoCommitteeCadres] = [h.A, h.B, h.C, h.Dd],
            [Figure.TwoCommitteeAssociateOrAbove] = [h.A, h.B],
            [Figure.ReservesInPool] = [h.E, h.F],
            [Figure.SecretaryReserves] = [h.E],
        };
        foreach (var (figure, ids) in expected)
        {
            var behind = await data.StatisticsAsync(s => s.PersonsBehind(figure, Township, D).ToListAsync());
            Assert.True(ids.Order().SequenceEqual(behind.Order()), $"{figure}: expected {string.Join(",", ids.Order())}, got {string.Join(",", behind.Order())}");
        }

        // On the demo data too: every list has as many persons as its figure counts.
        var city = await data.StatisticsAsync(s => s.ComputeAsync(City, Report2019));
        var counts = new Dictionary<Figure, int>
        {
            [Figure.Participants] = city.Participants,
            [Figure.Graduates] = city.Graduates,
            [Figure.InStudy] = city.InStudy,
            [Figure.Secretaries] = city.Secretaries,
            [Figure.SecretariesAssociateOrAbove] = city.SecretariesAssociateOrAbove,
            [Figure.TwoCommitteeCadres] = city.TwoCommitteeCadres,
            [Figure.TwoCommitteeAssociateOrAbove] = city.TwoCommitteeAssociateOrAbove,
        };
        foreach (var (figure, count) in counts)
            Assert.Equal(count, await data.StatisticsAsync(s => s.PersonsBehind(figure, City, Report2019).CountAsync()));
    }
}

/// <summary>
/// A private SQLite database with the city-scale demo data and the hand-built township (all of
/// it dated after 2019, so that the demo data's 2019 figures stay as they are):
///   V1 (key posts 1), V2 (key posts 3), V3 (key posts 0, nothing in it); D = 2024-06-30.
///   甲 A (V1, 高中): 书记 + 主任 in V1 since 2020, 委员 in V2 since 2022; 2020 大专 graduated
///     2023-07-01; 2023 program withdrawn 2024-03-01.
///   乙 B (V2, 大专): 书记 in V2 2021-01-01..D-1, 党组织委员 in V2 2021-01-01..D.
///   丙 C (V2, 高中): 委员 in V2 since 2021, 书记 in V2 from D+1; 2022 大专 graduated 2024-07-15;
///     two-committee reserve in the pool since 2023, appointed on D.
///   丁 Dd (V2, 初中): 书记 in V2 from D; 2022 program withdrawn on D.
///   戊 E (V1, 高中): 2023 program in study (split S2); 书记 reserve in the pool since 2023.
///   己 F (V1, 高中): 2024 program (admitted 2024-09-01, after D); two-committee reserve in the
///     pool since 2023, exited D+1; 书记 reserve entering the pool D+1.
/// Two more townships of the same district, one village each (W1 in 统计二镇, W2 in 统计三镇):
///   庚 G (高中): 书记 in W1 since 2021, 委员 in W2 since 2022; 2020 大专 in W1 graduated
///     2023-07-01, then moved to W2 and studies in a 2023 program there. So the district counts
///     庚 once where each of the two townships counts 庚 too.
/// </summary>
public sealed class StatisticsDatabase : IAsyncLifetime
{
    public static readonly DateOnly D = new(2024, 6, 30);
    public static readonly DateOnly CGraduates = new(2024, 7, 15);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "training-stats-tests-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider? _services;

    public HandData Hand { get; private set; } = null!;

    public sealed record HandData(string TownshipPath, string V1Path, string V2Path, string V3Path, int A, int B, int C, int Dd, int E, int F, int G);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSqliteDatabase($"Data Source={Path.Combine(_folder, "stats.db")}");
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<TrainingDbContext>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = Environments.Development,
            ApplicationName = "Training.Web",
            ContentRootPath = AppContext.BaseDirectory,
        });
        services.AddScoped<DemoSeeder>();
        services.AddScoped<StatisticsService>();
        _services = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(_services);
        await using (var scope = _services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(DemoScale.City);
        Hand = await WithDbAsync(BuildTownshipAsync);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public async Task<T> WithDbAsync<T>(Func<TrainingDbContext, Task<T>> f)
    {
        await using var scope = _services!.CreateAsyncScope();
        return await f(scope.ServiceProvider.GetRequiredService<TrainingDbContext>());
    }

    public async Task<T> StatisticsAsync<T>(Func<StatisticsService, Task<T>> f)
    {
        await using var scope = _services!.CreateAsyncScope();
        return await f(scope.ServiceProvider.GetRequiredService<StatisticsService>());
    }

    private static async Task<HandData> BuildTownshipAsync(TrainingDbContext db)
    {
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var district = await db.OrgUnits.SingleAsync(u => u.Code == "440118");
        var township = OrgUnit.CreateChild(district, "440118990", "统计测试镇");
        var v1 = OrgUnit.CreateChild(township, "440118990201", "统计一村委会", VillageKind.Village);
        var v2 = OrgUnit.CreateChild(township, "440118990202", "统计二村委会", VillageKind.Village);
        var v3 = OrgUnit.CreateChild(township, "440118990203", "统计三社区居委会", VillageKind.Community);
        v2.SetKeyPosts(3);
        v3.SetKeyPosts(0);
        db.OrgUnits.AddRange(township, v1, v2, v3);
        await db.SaveChangesAsync();

        var sequence = 0;
        Person Register(string name, Education education, OrgUnit village)
        {
            var first17 = $"440118195501{++sequence:00}123";
            var person = Person.Register(first17 + ResidentId.CheckCharacter(first17), name, null, PoliticalStatus.PartyMember, education, village, today, now);
            db.Persons.Add(person);
            return person;
        }

        var cohorts = await db.Cohorts.ToDictionaryAsync(c => c.Year);
        var associate = await db.Programs.OrderBy(p => p.Id).FirstAsync(p => p.Level == DegreeLevel.Associate);
        var s1 = new FeeSplit(750_000, 450_000, 150_000, 150_000);
        var s2 = new FeeSplit(1_000_000, 500_000, 200_000, 300_000);
        Enrollment Historical(Person p, int year, FeeSplit split, EnrollmentState state, DateOnly? graduated = null, DateOnly? withdrawn = null)
        {
            var e = Enrollment.Historical(p, cohorts[year], associate, split, state, graduated, withdrawn, now);
            db.Enrollments.Add(e);
            return e;
        }

        var a = Register("统计甲", Education.HighSchool, v1);
        a.AddPost(v1, PostType.PartySecretary, new DateOnly(2020, 1, 1));
        a.AddPost(v1, PostType.CommitteeDirector, new DateOnly(2020, 1, 1));
        a.AddPost(v2, PostType.CommitteeMember, new DateOnly(2022, 1, 1));
        Historical(a, 2020, s1, EnrollmentState.Graduated, graduated: new DateOnly(2023, 7, 1));
        Historical(a, 2023, s1, EnrollmentState.Withdrawn, withdrawn: new DateOnly(2024, 3, 1));

        var b = Register("统计乙", Education.Associate, v2);
        b.AddPost(v2, PostType.PartySecretary, new DateOnly(2021, 1, 1), D.AddDays(-1));
        b.AddPost(v2, PostType.PartyCommitteeMember, new DateOnly(2021, 1, 1), D);

        var c = Register("统计丙", Education.HighSchool, v2);
        c.AddPost(v2, PostType.CommitteeMember, new DateOnly(2021, 1, 1));
        c.AddPost(v2, PostType.PartySecretary, D.AddDays(1));
        Historical(c, 2022, s1, EnrollmentState.Graduated, graduated: CGraduates);
        var cReserve = ReserveCandidate.HistoricalLeft(c, ReserveTarget.TwoCommittee, new DateOnly(2023, 1, 1), ReserveState.Appointed, D, null);

        var dd = Register("统计丁", Education.JuniorOrBelow, v2);
        dd.AddPost(v2, PostType.PartySecretary, D);
        Historical(dd, 2022, s1, EnrollmentState.Withdrawn, withdrawn: D);

        var e = Register("统计戊", Education.HighSchool, v1);
        Historical(e, 2023, s2, EnrollmentState.Admitted);
        var eReserve = ReserveCandidate.HistoricalInPool(e, ReserveTarget.Secretary, new DateOnly(2023, 1, 1));

        var f = Register("统计己", Education.HighSchool, v1);
        Historical(f, 2024, s2, EnrollmentState.Admitted);
        var fReserve = ReserveCandidate.HistoricalLeft(f, ReserveTarget.TwoCommittee, new DateOnly(2023, 1, 1), ReserveState.Exited, D.AddDays(1), "迁出");
        var fLater = ReserveCandidate.HistoricalInPool(f, ReserveTarget.Secretary, D.AddDays(1));

        db.Reserves.AddRange(cReserve, eReserve, fReserve, fLater);

        var t2 = OrgUnit.CreateChild(district, "440118991", "统计二镇");
        var t3 = OrgUnit.CreateChild(district, "440118992", "统计三镇");
        var w1 = OrgUnit.CreateChild(t2, "440118991201", "统计四村委会", VillageKind.Village);
        var w2 = OrgUnit.CreateChild(t3, "440118992201", "统计五村委会", VillageKind.Village);
        db.OrgUnits.AddRange(t2, t3, w1, w2);
        await db.SaveChangesAsync();
        var g = Register("统计庚", Education.HighSchool, w1);
        g.AddPost(w1, PostType.PartySecretary, new DateOnly(2021, 1, 1));
        g.AddPost(w2, PostType.CommitteeMember, new DateOnly(2022, 1, 1));
        Historical(g, 2020, s1, EnrollmentState.Graduated, graduated: new DateOnly(2023, 7, 1));
        await db.SaveChangesAsync();
        g.MoveTo(w2);
        Historical(g, 2023, s1, EnrollmentState.Admitted);
        await db.SaveChangesAsync();
        return new HandData(township.Path, v1.Path, v2.Path, v3.Path, a.Id, b.Id, c.Id, dd.Id, e.Id, f.Id, g.Id);
    }
}
