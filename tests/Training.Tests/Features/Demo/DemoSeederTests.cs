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
/// The generator on databases of its own: the same day gives the same data, the 2019 figures
/// do not depend on the day it runs, and its SQLite writer stores exactly what EF would.
/// </summary>
public sealed class DemoSeederTests(UntouchedDemo demo) : IClassFixture<UntouchedDemo>, IDisposable
{
    private readonly TempFolder _temp = new("training-demo-tests");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Should_have_valid_unique_people_and_one_active_enrollment_at_a_time()
    {
        // On a database of its own: the shared one also holds what other tests create.
        await demo.WithDbAsync(async db =>
        {
            var today = TimeProvider.System.Today();
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
        await demo.WithDbAsync(async db =>
        {
            var today = TimeProvider.System.Today();
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
        await using var first = await DemoDatabase.SeededAsync(_temp.Path, "a", day);
        await using var second = await DemoDatabase.SeededAsync(_temp.Path, "b", day);

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
        await using var raw = await DemoDatabase.MigratedAsync(_temp.Path, "raw", DateTimeOffset.UtcNow);
        await using var ef = await DemoDatabase.MigratedAsync(_temp.Path, "ef", DateTimeOffset.UtcNow);

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
            var expected = await RawRows.ReadAsync(ef.File, table);
            var actual = await RawRows.ReadAsync(raw.File, table);
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
}
