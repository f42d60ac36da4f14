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
public sealed class DemoFiguresTests(AppFixture app, UntouchedDemo demo) : IClassFixture<UntouchedDemo>
{
    private static readonly DateOnly D = new(2019, 12, 31);

    [Fact]
    public async Task Should_reproduce_the_2019_figures()
    {
        var f = await demo.WithDbAsync(db => Figures.ComputeAsync(db, D));

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
        var f = await demo.WithDbAsync(db => Figures.ComputeAsync(db, DemoData.ReportDate));

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

        Assert.Equal(new[] { "auditor", "city", "district-440103", "district-440111", "school-1", "sysadmin", "township-440103001", "township-440111103", "trainee-demo", "village-440111103201" },
            DemoData.Accounts.Select(a => a.UserName).Order(StringComparer.Ordinal));
        Assert.Equal(firstSchool.Id, (await users.FindByNameAsync("school-1"))!.SchoolId);
    }

    [Fact]
    public async Task Should_bind_trainee_demo_to_a_cadre_of_Hantang_with_high_school_and_nothing_else()
    {
        await app.WithDbAsync(async db =>
        {
            var today = TimeProvider.System.Today();
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
        await demo.WithDbAsync(async db =>
        {
            var levels = await db.OrgUnits.GroupBy(u => u.Level).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
            Assert.Equal(1, levels[OrgLevel.City]);
            Assert.Equal(11, levels[OrgLevel.District]);
            Assert.Equal(178, levels[OrgLevel.Township]);
            Assert.Equal(2_851, levels[OrgLevel.Village]);
            Assert.Equal("/440100/440111/440111103/440111103201/", (await db.OrgUnits.SingleAsync(u => u.Code == DemoData.VillageCode)).Path);
            Assert.Equal(VillageKind.Village, (await db.OrgUnits.SingleAsync(u => u.Code == DemoData.VillageCode)).Kind);
            Assert.Equal(DemoData.KeyPosts, await db.OrgUnits.SumAsync(u => u.KeyPosts));

            var today = TimeProvider.System.Today();
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
        await demo.WithDbAsync(async db =>
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
        await demo.WithDbAsync(async db =>
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
