using System.Security.Cryptography;
using System.Text;
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
using Training.Tests.Infrastructure;
using Training.Web.Features.Demo;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Demo;

/// <summary>
/// The demo data set reproduces the 2019 figures of PRODUCT.md §1 exactly. Every figure is
/// computed here plainly from the rows, by the definitions of §8, not by the portal's
/// statistics code, so that the two can be checked against each other.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DemoFiguresTests(AppFixture app)
{
    private static readonly DateOnly D = new(2019, 12, 31);

    [Fact]
    public async Task Should_reproduce_the_2019_figures()
    {
        var f = await app.WithDbAsync(db => Figures.ComputeAsync(db, D));

        Assert.Equal(11_065, f.Participants);
        Assert.Equal(5_233, f.Graduates);
        Assert.Equal(2_851, f.Secretaries);
        Assert.Equal(78.0m, Percent(f.SecretariesAssociateOrAbove, f.Secretaries));
        Assert.Equal(20_000, f.Cadres);
        Assert.Equal(67.0m, Percent(f.CadresAssociateOrAbove, f.Cadres));
        Assert.Equal(14_040, f.ReservesInPool);
        Assert.Equal(5_500, f.SecretaryReserves);
    }

    [Fact]
    public async Task Should_match_the_promised_figures_in_DemoData()
    {
        var f = await app.WithDbAsync(db => Figures.ComputeAsync(db, DemoData.ReportDate));

        Assert.Equal(
            new Figures(DemoData.Participants2019, DemoData.Graduates2019, DemoData.Secretaries2019,
                DemoData.SecretariesAssociateOrAbove2019, DemoData.TwoCommitteeCadres2019, DemoData.TwoCommitteeAssociateOrAbove2019,
                DemoData.ReservesInPool2019, DemoData.SecretaryReserves2019),
            f);
    }

    [Fact]
    public async Task Should_have_every_demo_account_with_its_role_and_scope()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var firstSchool = await db.Schools.OrderBy(s => s.Id).FirstAsync();
        Assert.Equal(DemoData.FirstSchoolName, firstSchool.Name);

        foreach (var expected in DemoData.Accounts)
        {
            var user = await users.FindByNameAsync(expected.UserName);
            Assert.True(user is not null, $"{expected.UserName} is missing");
            Assert.Equal(expected.Role, user.Role);
            Assert.True(await users.IsInRoleAsync(user, expected.Role), $"{expected.UserName} is not in role {expected.Role}");
            Assert.Single(await users.GetRolesAsync(user));
            Assert.True(await users.CheckPasswordAsync(user, AppFixture.DemoPassword), $"{expected.UserName}: wrong password");
            Assert.True(user.LockoutEnabled);
            Assert.False(string.IsNullOrWhiteSpace(user.DisplayName));

            var unitCode = user.OrgUnitId is { } unitId ? (await db.OrgUnits.FindAsync(unitId))!.Code : null;
            var schoolName = user.SchoolId is { } schoolId ? (await db.Schools.FindAsync(schoolId))!.Name : null;
            var idNumber = user.PersonId is { } personId ? (await db.Persons.FindAsync(personId))!.IdNumber : null;
            Assert.Equal(expected.OrgUnitCode, unitCode);
            Assert.Equal(expected.SchoolName, schoolName);
            Assert.Equal(expected.PersonIdNumber, idNumber);
        }

        Assert.Equal(new[] { "city", "district-440103", "district-440111", "school-1", "township-440103001", "township-440111103", "trainee-demo", "village-440111103201" },
            DemoData.Accounts.Select(a => a.UserName).Order(StringComparer.Ordinal));
        Assert.Equal(firstSchool.Id, (await users.FindByNameAsync("school-1"))!.SchoolId);
    }

    [Fact]
    public async Task Should_bind_trainee_demo_to_a_cadre_of_Hantang_with_high_school_and_nothing_else()
    {
        await app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.Now);
            var person = await db.Persons.AsNoTracking()
                .Include(p => p.Village).Include(p => p.Posts).Include(p => p.EducationHistory)
                .SingleAsync(p => p.IdNumber == DemoData.TraineeIdNumber);

            Assert.Equal(DemoData.TraineeName, person.Name);
            Assert.Equal(DemoData.TraineePhone, person.Phone);
            Assert.Equal(DemoData.VillageCode, person.Village.Code);
            Assert.Equal(Education.HighSchool, person.Education);
            Assert.Equal(Education.HighSchool, person.BaseEducation);
            Assert.Contains(person.Posts, p => p.IsHeldOn(today));
            Assert.Contains(person.Posts, p => p.IsHeldOn(D));
            // Other tests share this database and may let trainee-demo apply: only rows of the demo data count here
            // (they carry the seeding day as their timestamp). DemoSeederTests checks a database nobody else touches.
            var seededAt = person.EducationHistory.Single(r => r.Source == EducationSource.Recorded).RecordedAt;
            Assert.False(await db.Enrollments.AnyAsync(e => e.PersonId == person.Id && e.CreatedAt <= seededAt));
            Assert.False(await db.Reserves.AnyAsync(r => r.PersonId == person.Id));
            var account = await db.Users.SingleAsync(u => u.UserName == DemoData.TraineeUserName);
            Assert.Equal(person.Id, account.PersonId);
            return 0;
        });
    }

    [Fact]
    public async Task Should_have_a_registrable_reserve_without_account_in_Hantang()
    {
        await app.WithDbAsync(async db =>
        {
            var person = await db.Persons.AsNoTracking().Include(p => p.Village)
                .SingleAsync(p => p.IdNumber == DemoData.RegistrableIdNumber);

            Assert.Equal(DemoData.RegistrableName, person.Name);
            Assert.Equal(DemoData.RegistrablePhone, person.Phone);
            Assert.Equal(DemoData.VillageCode, person.Village.Code);
            Assert.Equal(Education.HighSchool, person.Education);
            Assert.True(await db.Reserves.AnyAsync(r => r.PersonId == person.Id && r.State == ReserveState.InPool));
            Assert.False(await db.Enrollments.AnyAsync(e => e.PersonId == person.Id));
            Assert.False(await db.Users.AnyAsync(u => u.PersonId == person.Id));
            return 0;
        });
    }

    [Fact]
    public async Task Should_refuse_to_seed_a_database_that_has_org_units()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var units = await db.OrgUnits.CountAsync();

        var refused = await Assert.ThrowsAsync<CommandLineException>(() => seeder.SeedAsync(DemoScale.City));

        Assert.Contains("空数据库", refused.Message);
        Assert.Equal(units, await db.OrgUnits.CountAsync());
    }

    [Fact]
    public async Task Should_keep_the_real_hierarchy_and_the_1_to_2_rule_for_most_villages()
    {
        await app.WithDbAsync(async db =>
        {
            var levels = await db.OrgUnits.GroupBy(u => u.Level).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
            Assert.Equal(1, levels[OrgLevel.City]);
            Assert.Equal(11, levels[OrgLevel.District]);
            Assert.Equal(178, levels[OrgLevel.Township]);
            Assert.Equal(2_851, levels[OrgLevel.Village]);
            Assert.Equal("/440100/440111/440111103/440111103201/", (await db.OrgUnits.SingleAsync(u => u.Code == DemoData.VillageCode)).Path);
            Assert.Equal(VillageKind.Village, (await db.OrgUnits.SingleAsync(u => u.Code == DemoData.VillageCode)).Kind);
            Assert.Equal(DemoData.KeyPosts, await db.OrgUnits.SumAsync(u => u.KeyPosts));

            var today = DateOnly.FromDateTime(DateTime.Now);
            foreach (var day in new[] { D, today })
            {
                var villages = await db.OrgUnits.Where(u => u.Level == OrgLevel.Village)
                    .Select(u => new
                    {
                        u.KeyPosts,
                        InPool = db.Reserves.Count(r => r.VillageId == u.Id && r.InPoolOn <= day && (r.LeftPoolOn == null || r.LeftPoolOn > day)),
                    })
                    .ToListAsync();
                var below = villages.Count(v => v.InPool < 2 * v.KeyPosts) / (double)villages.Count;
                Assert.InRange(below, 0.10, 0.15);
            }
            return 0;
        });
    }

    [Fact]
    public async Task Should_make_dates_matter_around_the_report_date()
    {
        await app.WithDbAsync(async db =>
        {
            var posts = await db.Posts.AsNoTracking().ToListAsync();
            var held = posts.Where(p => p.StartDate <= D && (p.EndDate == null || p.EndDate >= D)).ToList();

            // Every village has exactly one secretary on D; some persons hold two posts at once.
            Assert.Equal(2_851, held.Where(p => p.Type == PostType.PartySecretary).Select(p => p.VillageId).Distinct().Count());
            Assert.Equal(2_851, held.Count(p => p.Type == PostType.PartySecretary));
            Assert.Contains(held.GroupBy(p => p.PersonId), g => g.Count() >= 2);
            // Posts that ended before D, started after it, and the edges of the day itself.
            Assert.Contains(posts, p => p.EndDate < D);
            Assert.Contains(posts, p => p.StartDate > D);
            Assert.Contains(posts, p => p.EndDate == D);
            Assert.Contains(posts, p => p.StartDate == D);
            Assert.Contains(posts, p => p.EndDate == D.AddDays(-1));

            var enrollments = await db.Enrollments.AsNoTracking().ToListAsync();
            Assert.Contains(enrollments, e => e.AdmittedOn <= D && e.GraduatedOn > D); // studying on D, graduated since
            Assert.Contains(enrollments, e => e.State == EnrollmentState.Admitted); // 在读 today
            Assert.Contains(enrollments, e => e.Level == DegreeLevel.Bachelor);
            Assert.DoesNotContain(enrollments, e => e.Level == DegreeLevel.Bachelor && e.Year < 2020);

            var reserves = await db.Reserves.AsNoTracking().ToListAsync();
            Assert.Contains(reserves, r => r.InPoolOn == D);
            Assert.Contains(reserves, r => r.LeftPoolOn == D);
            Assert.Contains(reserves, r => r.State == ReserveState.Appointed && r.LeftPoolOn > D);
            Assert.Contains(reserves, r => r.State == ReserveState.Exited && r.LeftPoolOn > D);
            Assert.Contains(reserves, r => r.InPoolOn > D);
            return 0;
        });
    }

    [Fact]
    public async Task Should_read_back_through_EF_what_the_generator_wrote()
    {
        await app.WithDbAsync(async db =>
        {
            var graduate = await db.Enrollments.AsNoTracking()
                .Include(e => e.Person).ThenInclude(p => p.EducationHistory)
                .Include(e => e.Cohort).Include(e => e.Program).ThenInclude(p => p.School).Include(e => e.Village)
                .Where(e => e.State == EnrollmentState.Graduated && e.GraduatedOn <= D)
                .OrderBy(e => e.Id).FirstAsync();
            Assert.Equal(new DateOnly(graduate.Year, 9, 1), graduate.AdmittedOn);
            Assert.Equal(graduate.Cohort.Year, graduate.Year);
            Assert.Equal(graduate.Person.VillageId, graduate.VillageId);
            Assert.Equal(graduate.Program.Level, graduate.Level);
            Assert.NotEqual(Guid.Empty, graduate.Version);
            Assert.Contains(graduate.Person.EducationHistory, r => r.Source == EducationSource.Graduation && r.EffectiveOn == graduate.GraduatedOn && r.Level == Education.Associate);
            Assert.Contains(graduate.Person.EducationHistory, r => r.Source == EducationSource.Recorded && r.EffectiveOn == null);
            Assert.True(graduate.Person.Education >= Education.Associate);
            Assert.Equal(150_000, graduate.Split.SelfPaidFen);

            var appointed = await db.Reserves.AsNoTracking().Include(r => r.Person).ThenInclude(p => p.Posts)
                .Where(r => r.State == ReserveState.Appointed && r.LeftPoolOn > D).OrderBy(r => r.Id).FirstAsync();
            Assert.Contains(appointed.Person.Posts, p => p.StartDate == appointed.LeftPoolOn);
            Assert.True(appointed.IsInPoolOn(D));

            var exited = await db.Reserves.AsNoTracking().Where(r => r.State == ReserveState.Exited).OrderBy(r => r.Id).FirstAsync();
            Assert.False(string.IsNullOrEmpty(exited.Reason));
            return 0;
        });
    }

    private static decimal Percent(int part, int whole) => Math.Round((decimal)part / whole * 100, 1);
}

/// <summary>The §8 figures of one day, counted plainly.</summary>
internal sealed record Figures(
    int Participants, int Graduates, int Secretaries, int SecretariesAssociateOrAbove,
    int Cadres, int CadresAssociateOrAbove, int ReservesInPool, int SecretaryReserves)
{
    public static async Task<Figures> ComputeAsync(TrainingDbContext db, DateOnly d)
    {
        var reached = new[] { EnrollmentState.Admitted, EnrollmentState.Graduated, EnrollmentState.Withdrawn };
        var participants = await db.Enrollments.Where(e => reached.Contains(e.State) && e.AdmittedOn <= d)
            .Select(e => e.PersonId).Distinct().CountAsync();
        var graduates = await db.Enrollments.Where(e => e.State == EnrollmentState.Graduated && e.GraduatedOn <= d)
            .Select(e => e.PersonId).Distinct().CountAsync();

        var held = await db.Posts.Where(p => p.StartDate <= d && (p.EndDate == null || p.EndDate >= d))
            .Select(p => new { p.PersonId, p.Type }).ToListAsync();
        var secretaries = held.Where(p => p.Type == PostType.PartySecretary).Select(p => p.PersonId).ToHashSet();
        var cadres = held.Select(p => p.PersonId).ToHashSet();

        // Highest education on d: the recorded base or any graduation dated on or before d.
        var highest = await db.Persons.Select(p => new { p.Id, p.BaseEducation }).ToDictionaryAsync(p => p.Id, p => p.BaseEducation);
        var graduations = await db.EducationRecords.Where(r => r.Source == EducationSource.Graduation && r.EffectiveOn <= d)
            .Select(r => new { r.PersonId, r.Level }).ToListAsync();
        foreach (var g in graduations)
            if (g.Level > highest[g.PersonId]) highest[g.PersonId] = g.Level;

        var pool = db.Reserves.Where(r => r.InPoolOn <= d && (r.LeftPoolOn == null || r.LeftPoolOn > d));
        return new Figures(
            participants, graduates,
            secretaries.Count, secretaries.Count(id => highest[id] >= Education.Associate),
            cadres.Count, cadres.Count(id => highest[id] >= Education.Associate),
            await pool.CountAsync(), await pool.CountAsync(r => r.Target == ReserveTarget.Secretary));
    }
}

/// <summary>
/// The generator on databases of its own: the same day gives the same data, the 2019 figures
/// do not depend on the day it runs, and its SQLite writer stores exactly what EF would.
/// </summary>
public sealed class DemoSeederTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "training-demo-tests-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Should_have_valid_unique_people_and_one_active_enrollment_at_a_time()
    {
        // On a database of its own: the shared one also holds what other tests create.
        await using var seeded = await SeededAsync("people", DateTimeOffset.UtcNow);
        await seeded.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.Now);
            var people = await db.Persons.AsNoTracking().Select(p => new { p.IdNumber, p.Phone, p.BirthDate, p.PoliticalStatus }).ToListAsync();
            Assert.Equal(people.Count, people.Select(p => p.IdNumber).Distinct().Count());
            foreach (var p in people)
            {
                Assert.True(ResidentId.TryParse(p.IdNumber, today, out var id, out var error), error);
                Assert.InRange(id.BirthDate.Year, 1960, 1998);
                Assert.Equal(p.BirthDate, id.BirthDate);
                Assert.Equal(p.Phone, Phone.Normalize(p.Phone));
                Assert.NotNull(p.Phone);
            }
            Assert.Contains(people, p => p.IdNumber.StartsWith("440102", StringComparison.Ordinal));
            Assert.True(people.Count(p => p.PoliticalStatus == PoliticalStatus.PartyMember) > people.Count / 2);

            var enrollments = await db.Enrollments.AsNoTracking().ToListAsync();
            foreach (var person in enrollments.GroupBy(e => e.PersonId))
            {
                DateOnly? busyUntil = null;
                foreach (var e in person.OrderBy(e => e.AdmittedOn))
                {
                    Assert.True(busyUntil is null || busyUntil < e.AdmittedOn, $"person {person.Key} studies twice at once");
                    busyUntil = e.GraduatedOn ?? e.WithdrawnOn ?? DateOnly.MaxValue;
                }
            }
            return 0;
        });
    }

    [Fact]
    public async Task Should_offer_cohorts_2012_to_2026_within_their_quotas()
    {
        await using var seeded = await SeededAsync("cohorts", DateTimeOffset.UtcNow);
        await seeded.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.Now);
            var cohorts = await db.Cohorts.AsNoTracking().Include(c => c.DistrictQuotas).Include(c => c.Fees).ThenInclude(f => f.Program)
                .OrderBy(c => c.Year).ToListAsync();
            Assert.Equal(Enumerable.Range(2012, 15), cohorts.Select(c => c.Year));
            Assert.True(cohorts.Single(c => c.Year == 2026).IsOpenOn(today));
            Assert.All(cohorts.Where(c => c.Year < 2026), c => Assert.Equal(c.Year, c.ApplyFrom.Year));
            Assert.Equal(4, await db.Schools.CountAsync());

            var admitted = await db.Enrollments.GroupBy(e => new { e.CohortId, e.Village.Parent!.ParentId })
                .Select(g => new { g.Key.CohortId, DistrictId = g.Key.ParentId, Count = g.Count() }).ToListAsync();
            foreach (var c in cohorts)
            {
                Assert.True(c.CityQuota >= 1_000);
                Assert.Equal(11, c.DistrictQuotas.Count);
                Assert.True(c.DistrictQuotas.Sum(q => q.Quota) <= c.CityQuota);
                foreach (var q in c.DistrictQuotas)
                    Assert.True(admitted.Where(a => a.CohortId == c.Id && a.DistrictId == q.DistrictId).Sum(a => a.Count) <= q.Quota);
                Assert.Equal(c.Year >= 2020, c.Fees.Any(f => f.Program.Level == DegreeLevel.Bachelor));
                Assert.All(c.Fees, f =>
                {
                    Assert.Equal(150_000, f.Split.SelfPaidFen);
                    Assert.Equal(f.Split.TotalFen, f.Split.SubsidyFen + f.Split.WaiverFen + f.Split.SelfPaidFen);
                });
                if (c.Year <= 2025) Assert.True(admitted.Where(a => a.CohortId == c.Id).Sum(a => a.Count) >= 1_000, $"{c.Year}: fewer than 1,000");
            }
            return 0;
        });
    }

    [Fact]
    public async Task Should_generate_the_same_data_for_the_same_day_and_the_2019_figures_on_any_later_day()
    {
        // An early "today": much of what the plan has after 2019 has not happened yet.
        var day = new DateTimeOffset(2021, 1, 15, 4, 0, 0, TimeSpan.Zero);
        await using var first = await SeededAsync("a", day);
        await using var second = await SeededAsync("b", day);

        var a = await first.WithDbAsync(Fingerprint);
        var b = await second.WithDbAsync(Fingerprint);
        Assert.Equal(a, b);

        var f = await first.WithDbAsync(db => Figures.ComputeAsync(db, D));
        Assert.Equal(new Figures(11_065, 5_233, 2_851, 2_224, 20_000, 13_400, 14_040, 5_500), f);
        await first.WithDbAsync(async db =>
        {
            var open = await db.Cohorts.SingleAsync(c => c.Year == 2026);
            Assert.True(open.IsOpenOn(new DateOnly(2021, 1, 15)));
            Assert.False(await db.Enrollments.AnyAsync(e => e.AdmittedOn > new DateOnly(2021, 1, 15)));
            Assert.False(await db.Posts.AnyAsync(p => p.StartDate > new DateOnly(2021, 1, 15) || p.EndDate > new DateOnly(2021, 1, 15)));
            Assert.True(await db.Enrollments.AnyAsync(e => e.State == EnrollmentState.Admitted));

            var trainee = await db.Persons.AsNoTracking().Include(p => p.Village).Include(p => p.Posts)
                .SingleAsync(p => p.IdNumber == DemoData.TraineeIdNumber);
            Assert.Equal(DemoData.VillageCode, trainee.Village.Code);
            Assert.Equal(Education.HighSchool, trainee.Education);
            Assert.Contains(trainee.Posts, p => p.IsHeldOn(new DateOnly(2021, 1, 15)));
            Assert.False(await db.Enrollments.AnyAsync(e => e.PersonId == trainee.Id));
            Assert.False(await db.Reserves.AnyAsync(r => r.PersonId == trainee.Id));
            Assert.Equal(trainee.Id, (await db.Users.SingleAsync(u => u.UserName == DemoData.TraineeUserName)).PersonId);
            return 0;
        });
    }

    [Fact]
    public async Task Should_store_rows_with_the_SQLite_writer_exactly_as_EF_does()
    {
        var stamp = new DateTime(2026, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc).AddTicks(4567);
        await using var raw = await MigratedAsync("raw", DateTimeOffset.UtcNow);
        await using var ef = await MigratedAsync("ef", DateTimeOffset.UtcNow);

        await raw.WithDbAsync(async db =>
        {
            await using DemoStore store = new SqliteDemoStore(db);
            await store.BeginAsync(default);
            foreach (var e in Graph(stamp)) store.Add(e);
            await store.CommitAsync(default);
            return 0;
        });
        await ef.WithDbAsync(async db =>
        {
            await using DemoStore store = new EfDemoStore(db);
            await store.BeginAsync(default);
            foreach (var e in Graph(stamp)) store.Add(e);
            await store.CommitAsync(default);
            return 0;
        });

        string[] tables = ["OrgUnits", "Schools", "Programs", "Cohorts", "DistrictQuotas", "FeeSchedules", "Persons", "Posts", "EducationRecords", "Enrollments", "Reserves"];
        foreach (var table in tables)
        {
            var expected = await RawRowsAsync(ef.File, table);
            var actual = await RawRowsAsync(raw.File, table);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }
    }

    private static readonly DateOnly D = new(2019, 12, 31);

    /// <summary>One of everything, built by the domain factories the way the generator builds it.</summary>
    private static List<object> Graph(DateTime stamp)
    {
        var today = new DateOnly(2026, 5, 6);
        var city = OrgUnit.CreateCity("440100", "广州市");
        var district = OrgUnit.CreateChild(city, "440111", "白云区");
        var township = OrgUnit.CreateChild(district, "440111103", "人和镇");
        var village = OrgUnit.CreateChild(township, "440111103201", "汉塘村委会", VillageKind.Village);
        village.SetKeyPosts(3);
        var school = School.Create("广州城市职业学院");
        var program = StudyProgram.Create(school, "农村经济管理", DegreeLevel.Associate, 3);
        var cohort = Cohort.Create(2016, "", new DateOnly(2016, 4, 1), new DateOnly(2016, 5, 31), 1_200);
        var split = new FeeSplit(750_000, 450_000, 150_000, 150_000);
        cohort.SetDistrictQuota(district, 300);
        cohort.Offer(program, split);
        var person = Person.Register(DemoData.TraineeIdNumber, "何嘉明", "13926001234", PoliticalStatus.PartyMember, Education.HighSchool, village, today, stamp);
        person.SetRecommendedByVillage(true);
        person.AddPost(village, PostType.PartySecretary, new DateOnly(2017, 4, 1), new DateOnly(2021, 3, 31));
        person.AddPost(village, PostType.CommitteeDirector, new DateOnly(2017, 4, 1));
        var enrollment = Enrollment.Historical(person, cohort, program, split, EnrollmentState.Graduated, new DateOnly(2019, 7, 1), null, stamp);
        var reserve = ReserveCandidate.HistoricalLeft(person, ReserveTarget.Secretary, new DateOnly(2016, 3, 1),
            ReserveState.Appointed, new DateOnly(2017, 4, 1), null);
        return [city, district, township, village, school, program, cohort, person, enrollment, reserve];
    }

    /// <summary>Every column as SQLite stores it (type and literal), Version tokens checked for format then masked.</summary>
    private static async Task<List<string>> RawRowsAsync(string file, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info(\"{table}\")";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(1));
        }
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"typeof(\"{c}\") || ':' || quote(\"{c}\")"))} FROM \"{table}\" ORDER BY \"Id\"";
        var rows = new List<string>();
        await using (var reader = await select.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                rows.Add(string.Join(" | ", columns.Select((c, i) =>
                {
                    var value = reader.GetString(i);
                    if (c != "Version") return $"{c}={value}";
                    Assert.Matches("^text:'[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}'$", value);
                    return "Version=(guid)";
                })));
        return rows;
    }

    private static async Task<string> Fingerprint(TrainingDbContext db)
    {
        var lines = new List<string>();
        lines.AddRange((await db.OrgUnits.AsNoTracking().ToListAsync())
            .Select(u => $"U {u.Id} {u.Code} {u.Name} {u.Level} {u.Kind} {u.ParentId} {u.Path} {u.KeyPosts}"));
        lines.AddRange((await db.Cohorts.AsNoTracking().Include(c => c.DistrictQuotas).Include(c => c.Fees).ToListAsync())
            .Select(c => $"C {c.Year} {c.ApplyFrom} {c.ApplyTo} {c.CityQuota} {string.Join(",", c.DistrictQuotas.OrderBy(q => q.DistrictId).Select(q => q.Quota))} {string.Join(",", c.Fees.OrderBy(f => f.ProgramId).Select(f => f.Split))}"));
        lines.AddRange((await db.Persons.AsNoTracking().Include(p => p.Posts).Include(p => p.EducationHistory).AsSplitQuery().ToListAsync())
            .Select(p => $"P {p.Id} {p.IdNumber} {p.Name} {p.Phone} {p.PoliticalStatus} {p.BaseEducation} {p.Education} {p.VillageId} {p.RecommendedByVillage} "
                + string.Join(";", p.Posts.OrderBy(x => x.Type).ThenBy(x => x.StartDate).Select(x => $"{x.VillageId}/{x.Type}/{x.StartDate}/{x.EndDate}")) + " "
                + string.Join(";", p.EducationHistory.OrderBy(x => x.Id).Select(x => $"{x.Level}/{x.EffectiveOn}/{x.Source}/{x.Note}/{x.RecordedAt:O}"))));
        lines.AddRange((await db.Enrollments.AsNoTracking().ToListAsync())
            .Select(e => $"E {e.Id} {e.PersonId} {e.VillageId} {e.CohortId} {e.ProgramId} {e.State} {e.AdmittedOn} {e.GraduatedOn} {e.WithdrawnOn} {e.Split} {e.CreatedAt:O}"));
        lines.AddRange((await db.Reserves.AsNoTracking().ToListAsync())
            .Select(r => $"R {r.Id} {r.PersonId} {r.VillageId} {r.Target} {r.State} {r.RecommendedOn} {r.InPoolOn} {r.LeftPoolOn} {r.Reason}"));
        lines.Sort(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines)))) + $" ({lines.Count} rows)";
    }

    private async Task<TestDatabase> SeededAsync(string name, DateTimeOffset now)
    {
        var database = await MigratedAsync(name, now);
        await using var scope = database.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(DemoScale.City);
        return database;
    }

    /// <summary>A migrated SQLite file and the services DemoSeeder needs, on a clock of our choosing.</summary>
    private async Task<TestDatabase> MigratedAsync(string name, DateTimeOffset now)
    {
        var file = Path.Combine(_folder, name + ".db");
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<TrainingDbContext>(o => DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, $"Data Source={file}"));
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<TrainingDbContext>();
        services.AddSingleton<TimeProvider>(new FixedClock(now));
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = Environments.Development,
            ApplicationName = "Training.Web",
            ContentRootPath = AppContext.BaseDirectory,
        });
        services.AddScoped<DemoSeeder>();
        var provider = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(provider);
        return new TestDatabase(file, provider);
    }

    private sealed class TestDatabase(string file, ServiceProvider services) : IAsyncDisposable
    {
        public string File { get; } = file;
        public ServiceProvider Services { get; } = services;

        public async Task<T> WithDbAsync<T>(Func<TrainingDbContext, Task<T>> f)
        {
            await using var scope = Services.CreateAsyncScope();
            return await f(scope.ServiceProvider.GetRequiredService<TrainingDbContext>());
        }

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
