using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Assignments;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Learning.Reports;
using Training.Web.Infrastructure.Data;

namespace Training.Tests.Infrastructure.Data;

/// <summary>
/// The learning figures kept in memory follow applications only once admitted and reserve candidates only in the pool:
/// an applicant's draft or a recommendation leaves them kept, an admission or a candidate taken into the pool counts them again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DataFacetsTests(AppFixture app)
{
    private Task<Dictionary<string, long>> StampsAsync() => app.WithDbAsync(db => DataStamps.ReadAsync(db, default));

    private static long Raised(Dictionary<string, long> before, Dictionary<string, long> after, string subject) =>
        after.GetValueOrDefault(subject) - before.GetValueOrDefault(subject);

    /// <summary>Whether a learning figure kept under <paramref name="key"/> was computed again.</summary>
    private async Task<bool> ComputedAsync(string key, string[]? follows = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var memo = scope.ServiceProvider.GetRequiredService<FiguresMemo>();
        var computed = false;
        await memo.GetAsync(key, follows ?? LearningTallyStamps.Followed, _ => Task.FromResult(computed = true), default);
        return computed;
    }

    [Fact]
    public async Task Should_keep_assignment_counts_across_an_attendance_credit_and_count_again_on_a_course_credit()
    {
        var key = "assignment|" + Guid.NewGuid();
        var person = await app.PersonAsync(TestPeople.OwnVillage, "学分");
        await ComputedAsync(key, AssignmentProgress.Follows);

        await app.CreditAsync(person, TestPeople.Today, 8m, required: true, StudySource.Class, sourceId: null);
        var keptAfterAttendance = !await ComputedAsync(key, AssignmentProgress.Follows);
        await app.CreditAsync(person, TestPeople.Today, 2m, required: true, StudySource.OnlineCourse, sourceId: null);
        var countedAfterCourse = await ComputedAsync(key, AssignmentProgress.Follows);

        Assert.True(keptAfterAttendance);
        Assert.True(countedAfterCourse);
    }

    [Fact]
    public async Task Should_keep_learning_figures_across_a_draft_application_and_count_again_on_an_admission()
    {
        var key = "learning|" + Guid.NewGuid();
        var trainee = await app.TraineeAsync();
        var cohort = await app.OpenCohortAsync();
        await ComputedAsync(key);

        var before = await StampsAsync();
        await app.DraftAsync(trainee, cohort.AssociateFeeId);
        var afterDraft = await StampsAsync();
        var keptAfterDraft = !await ComputedAsync(key);
        await app.AdmittedAsync();
        var afterAdmission = await StampsAsync();
        var countedAfterAdmission = await ComputedAsync(key);

        Assert.Equal((1L, 0L), (Raised(before, afterDraft, "Enrollment"), Raised(before, afterDraft, DataFacets.AdmittedEnrollment)));
        Assert.True(keptAfterDraft);
        Assert.Equal(1L, Raised(afterDraft, afterAdmission, DataFacets.AdmittedEnrollment));
        Assert.True(countedAfterAdmission);
    }

    [Fact]
    public async Task Should_raise_the_admitted_facet_for_a_change_to_a_graduated_application()
    {
        // A school's register lists 已录取, 已毕业 and 已退学 alike and keeps its order following this facet.
        var admitted = await app.AdmittedAsync();
        await app.WithDbAsync(async db =>
        {
            var e = await db.Enrollments.Include(x => x.Person).Include(x => x.Program).SingleAsync(x => x.Id == admitted.EnrollmentId);
            e.Graduate("school-1", TestPeople.Today, "GZCVU-FACET-" + e.Id, TestPeople.Today, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var before = await StampsAsync();

        await app.WithDbAsync(async db => // a correction made to the record of a graduate (an import, a repair)
        {
            var e = await db.Enrollments.SingleAsync(x => x.Id == admitted.EnrollmentId);
            db.Entry(e).Property(x => x.Year).CurrentValue = e.Year - 1;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(1L, Raised(before, await StampsAsync(), DataFacets.AdmittedEnrollment));
    }

    [Fact]
    public async Task Should_raise_the_pool_facet_for_a_candidate_in_the_pool_and_not_for_a_recommendation()
    {
        var before = await StampsAsync();
        await app.CandidateAsync(TestPeople.OwnVillage);
        var afterRecommendation = await StampsAsync();
        await app.PooledReserveAsync();
        var afterPool = await StampsAsync();

        Assert.True(Raised(before, afterRecommendation, "ReserveCandidate") > 0);
        Assert.Equal(0L, Raised(before, afterRecommendation, DataFacets.PooledReserve));
        Assert.Equal(1L, Raised(afterRecommendation, afterPool, DataFacets.PooledReserve));
    }

    [Fact]
    public async Task Should_leave_the_villages_learning_rows_unraised_by_a_draft_application_and_raise_them_on_an_admission()
    {
        var trainee = await app.TraineeAsync();
        var cohort = await app.OpenCohortAsync();
        var village = await app.WithDbAsync(db => db.Persons.Where(p => p.Id == trainee.PersonId).Select(p => new { p.VillageId, p.Village.Code }).SingleAsync());
        Task<long> VersionAsync() => app.WithDbAsync(db => db.LearningTallies.Where(t => t.UnitId == village.VillageId).SumAsync(t => t.Version));
        await using (var scope = app.Services.CreateAsyncScope()) // the report writes the village's rows
        {
            var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
            var unit = await db.OrgUnits.Where(u => u.Id == village.VillageId)
                .Select(u => new LearningReport.Unit(u.Id, u.Code, u.Name, u.Path, u.Level)).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<LearningReport>().ComputeAsync(unit, TestPeople.Today.Year, TestPeople.Today, default);
        }
        var before = await VersionAsync();

        await app.DraftAsync(trainee, cohort.AssociateFeeId);
        var afterDraft = await VersionAsync();
        await app.AdmittedAsync(village.Code);

        Assert.Equal(before, afterDraft);
        Assert.True(await VersionAsync() > afterDraft);
    }
}
