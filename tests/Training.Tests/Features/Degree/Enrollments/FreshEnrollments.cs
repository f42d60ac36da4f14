using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Degree.Enrollments;

/// <summary>
/// Fresh persons with an admitted enrollment of their own, so that a test can pay, adjust,
/// graduate or withdraw without touching the demo figures (cohorts from 2020 on only: the
/// 2019 figures count what was admitted by 2019-12-31; never the open 2026 cohort, whose quotas others test).
/// </summary>
public static class FreshEnrollments
{
    public const int Year = 2022;
    /// <summary>7,500 yuan: subsidy 4,500, waiver 1,500, self-paid 1,500.</summary>
    public static readonly FeeSplit Split = new(7_500_00, 4_500_00, 1_500_00, 1_500_00);

    public sealed record Made(int EnrollmentId, int PersonId, string Name, int SchoolId);

    /// <summary>
    /// An Admitted enrollment of a new person of <paramref name="villageCode"/> in the <see cref="Year"/> cohort,
    /// at the first school (school-1's) or another one, in a program of <paramref name="level"/>.
    /// </summary>
    public static Task<Made> AdmittedAsync(this AppFixture app, string villageCode = "440111103201",
        Education education = Education.HighSchool, bool atFirstSchool = true, DegreeLevel level = DegreeLevel.Associate) =>
        app.WithDbAsync(async db =>
        {
            var firstSchoolId = await db.Users.Where(u => u.UserName == "school-1").Select(u => u.SchoolId).SingleAsync()
                ?? throw new InvalidOperationException("school-1 未绑定院校。");
            var village = await db.OrgUnits.SingleAsync(u => u.Code == villageCode);
            var cohort = await db.Cohorts.SingleAsync(c => c.Year == Year);
            var program = await db.Programs
                .Where(p => (p.SchoolId == firstSchoolId) == atFirstSchool && p.Level == level)
                .OrderBy(p => p.Id).FirstAsync();
            var name = "测试" + Guid.NewGuid().ToString("N")[..6];
            var now = DateTime.UtcNow;
            var person = Person.Register(await TestPeople.FreeIdNumberAsync(db, villageCode[..6], bornFromYear: 1970, bornOverDays: 12_000), name, null, PoliticalStatus.PartyMember,
                education, village, DateOnly.FromDateTime(now), now);
            var enrollment = Enrollment.Historical(person, cohort, program, Split, EnrollmentState.Admitted, null, null, now);
            db.Persons.Add(person);
            db.Enrollments.Add(enrollment);
            await db.SaveChangesAsync();
            return new Made(enrollment.Id, person.Id, name, program.SchoolId);
        });

}
