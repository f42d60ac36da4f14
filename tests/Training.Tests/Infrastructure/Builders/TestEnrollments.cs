using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Web.Features.Degree;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>An admitted enrollment a test made: its id, its person and the school it is at.</summary>
public sealed record AdmittedEnrollment(int EnrollmentId, int PersonId, string Name, int SchoolId);

/// <summary>The current state of an application or enrollment, with the steps it went through.</summary>
public sealed record EnrollmentStanding(EnrollmentState Value, IReadOnlyList<EnrollmentAction> Steps, int ProgramId);

/// <summary>
/// Applications and enrollments a test makes for itself through the domain (cohorts from 2020 on
/// only: the 2019 figures count what was admitted by 2019-12-31; never the open 2026 cohort,
/// whose quotas others test).
/// </summary>
public static class TestEnrollments
{
    public const int Year = 2022;
    /// <summary>7,500 yuan: subsidy 4,500, waiver 1,500, self-paid 1,500.</summary>
    public static readonly FeeSplit Split = new(7_500_00, 4_500_00, 1_500_00, 1_500_00);

    /// <summary>
    /// An Admitted enrollment of a new person of <paramref name="villageCode"/> in the <see cref="Year"/> cohort,
    /// at the first school (school-1's) or another one, in a program of <paramref name="level"/>.
    /// </summary>
    public static Task<AdmittedEnrollment> AdmittedAsync(this AppFixture app, string villageCode = TestPeople.OwnVillage,
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
            return new AdmittedEnrollment(enrollment.Id, person.Id, name, program.SchoolId);
        });

    /// <summary>A draft made through the domain, e.g. in a cohort whose window the page no longer offers.</summary>
    public static Task<int> DraftAsync(this AppFixture app, Trainee t, int feeId) =>
        app.WithDbAsync(async db =>
        {
            var fee = await db.FeeSchedules.Include(f => f.Program).SingleAsync(f => f.Id == feeId);
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == fee.CohortId);
            var person = await db.Persons.Include(p => p.Village).SingleAsync(p => p.Id == t.PersonId);
            var facts = await new EligibilityQuery(db).ForAsync(t.PersonId, TestPeople.Today);
            var draft = Enrollment.Draft(person, cohort, fee, facts!, DateTime.UtcNow);
            db.Enrollments.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });

    /// <summary>Runs a reviewer's (or registrar's) step directly on the entity, for a test about another page.</summary>
    public static Task OnEnrollmentAsync(this AppFixture app, int enrollmentId, Action<Enrollment> step) =>
        app.WithDbAsync(async db =>
        {
            var e = await db.Enrollments.Include(x => x.Program).Include(x => x.Payments).SingleAsync(x => x.Id == enrollmentId);
            step(e);
            await db.SaveChangesAsync();
            return 0;
        });

    public static Task<EnrollmentStanding> EnrollmentStateAsync(this AppFixture app, int enrollmentId) =>
        app.WithDbAsync(async db =>
        {
            var state = await db.Enrollments.Where(e => e.Id == enrollmentId).Select(e => new { e.State, e.ProgramId }).SingleAsync();
            var steps = await db.EnrollmentTransitions.Where(t => t.EnrollmentId == enrollmentId).OrderBy(t => t.At).ThenBy(t => t.Id)
                .Select(t => t.Action).ToListAsync();
            return new EnrollmentStanding(state.State, steps, state.ProgramId);
        });

    /// <summary>The trainee's applications still open or admitted.</summary>
    public static Task<List<int>> ActiveApplicationIdsAsync(this AppFixture app, Trainee t) =>
        app.WithDbAsync(db => db.Enrollments.Where(e => e.PersonId == t.PersonId && e.State != EnrollmentState.Cancelled
                && e.State != EnrollmentState.Rejected && e.State != EnrollmentState.Graduated && e.State != EnrollmentState.Withdrawn)
            .Select(e => e.Id).ToListAsync());
}
