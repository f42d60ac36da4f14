using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Tests.Features.Classes;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Learning.Reports;

namespace Training.Tests.Features.Learning.Reports;

/// <summary>
/// LEARNING.md §7: the report's figures are exact — equal to a plain recount from the ledger for every unit of the
/// demo and for cases made by hand — and the aggregates they read follow every entry the ledger gets, without the job.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LearningFiguresTests(AppFixture app)
{
    private static DateOnly Today => TestPeople.Today;

    private Task<Dictionary<int, LearningFigures>> ReportAsync(string unitCode, int year, DateOnly day) =>
        app.WithDbAsync(async db =>
        {
            var unit = await db.OrgUnits.Where(u => u.Code == unitCode).Select(u => new LearningReport.Unit(u.Id, u.Code, u.Name, u.Path, u.Level)).SingleAsync();
            return await new LearningReport(db).ComputeUnderAsync(unit, year, day, CancellationToken.None);
        });

    private async Task<Dictionary<string, LearningFigures>> ReportByCodeAsync(string unitCode, int year, DateOnly day)
    {
        var byId = await ReportAsync(unitCode, year, day);
        var codes = await app.WithDbAsync(db => db.OrgUnits.ToDictionaryAsync(u => u.Id, u => u.Code));
        return byId.ToDictionary(x => codes[x.Key], x => x.Value);
    }

    private async Task<LearningFigures> VillageAsync(int year, DateOnly day) =>
        (await ReportByCodeAsync(TestPeople.OwnVillage, year, day))[TestPeople.OwnVillage];

    [Fact]
    public async Task Should_equal_a_plain_recount_for_every_unit_of_the_demo()
    {
        var report = await ReportByCodeAsync("440100", Today.Year, Today);
        var plain = await app.WithDbAsync(db => PlainLearningCount.EveryUnitAsync(db, Today.Year, Today));

        var differing = plain.Where(x => !report.TryGetValue(x.Key, out var f) || f != x.Value).Select(x => $"{x.Key}: {report.GetValueOrDefault(x.Key)} ≠ {x.Value}").Take(5).ToList();
        Assert.True(differing.Count == 0, string.Join("\n", differing));
        Assert.Equal(plain.Count, report.Count);
        Assert.True(plain["440100"].TotalCenti > 0 && plain["440100"].Overdue > 0, "the demo has hours and overdue persons this year");
    }

    [Fact]
    public async Task Should_equal_a_plain_recount_for_a_past_year_of_the_demo()
    {
        var day = new DateOnly(Today.Year - 1, 12, 31);
        var report = await ReportByCodeAsync("440111", Today.Year - 1, day);
        var plain = await app.WithDbAsync(db => PlainLearningCount.EveryUnitAsync(db, Today.Year - 1, day));

        Assert.All(report, x => Assert.Equal(plain[x.Key], x.Value));
    }

    [Fact]
    public async Task Should_count_reversals_several_categories_and_only_the_years_hours()
    {
        // The three new 两委干部 are at least overdue on the demo's city course due at the end of September (other tests' assignments may add more).
        var before = await VillageAsync(Today.Year, Today);
        var since = Today.AddYears(-1);
        var reached = await app.PersonAsync(cadreSince: since);     // 两委 + 党员: owes 56, 28 必修
        var memberOnly = await app.PersonAsync();                    // 党员: owes 32, 16 必修
        var electiveOnly = await app.PersonAsync(cadreSince: since); // enough hours, no 必修
        var reversedAll = await app.PersonAsync(cadreSince: since);  // credited then reversed: nothing stands
        var (reserveId, _) = await app.ReserveAsync();               // 后备 + 党员: owes 50, 25 必修
        var reserve = await app.WithDbAsync(db => db.Reserves.Where(r => r.Id == reserveId).Select(r => r.PersonId).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            StudyLedgerEntry Credit(int person, decimal hours, bool required, DateOnly? on = null) =>
                StudyLedgerEntry.Credit(person, on ?? Today, hours, required, StudySource.Class, null, "test", now);
            db.StudyLedger.AddRange(Credit(reached, 30, true), Credit(reached, 26, false), Credit(reached, 100, true, Today.AddYears(-1)),
                Credit(memberOnly, 20, true), Credit(memberOnly, 12, false),
                Credit(electiveOnly, 60, false),
                Credit(reserve, 50, true));
            var wrong = Credit(reversedAll, 8, true);
            db.StudyLedger.Add(wrong);
            await db.SaveChangesAsync();
            db.StudyLedger.Add(StudyLedgerEntry.ReversalOf(wrong, "录入错误", false, wrong.On, "test", now));
            return await db.SaveChangesAsync();
        });

        var after = await VillageAsync(Today.Year, Today);

        Assert.Equal(new LearningFigures(5, 3, 1, 5, 5600 + 3200 + 6000 + 5000, 3000 + 2000 + 5000, 3, 1, 0),
            new LearningFigures(after.Learners - before.Learners, after.Cadres - before.Cadres, after.Reserves - before.Reserves, after.Members - before.Members,
                after.TotalCenti - before.TotalCenti, after.RequiredCenti - before.RequiredCenti, after.Reached - before.Reached,
                after.NotStarted - before.NotStarted, 0));
        Assert.True(after.Overdue - before.Overdue >= 3);
        var plain = await app.WithDbAsync(db => PlainLearningCount.EveryUnitAsync(db, Today.Year, Today));
        Assert.Equal(plain[TestPeople.OwnVillage], after);
    }

    [Fact]
    public async Task Should_hold_persons_to_the_targets_the_city_set_for_the_year()
    {
        const int year = 2022; // a year no other test sets targets for
        var day = new DateOnly(year, 12, 31);
        await app.WithDbAsync(async db =>
        {
            db.StudyTargets.AddRange(StudyTarget.Set(year, TargetCategory.TwoCommitteeCadre, 10, 2), StudyTarget.Set(year, TargetCategory.PartyMember, 8, 2));
            return await db.SaveChangesAsync();
        });
        var before = await VillageAsync(year, day);
        var person = await app.PersonAsync(cadreSince: new DateOnly(2020, 1, 1));
        await app.WithDbAsync(async db =>
        {
            db.StudyLedger.AddRange(
                StudyLedgerEntry.Credit(person, new DateOnly(year, 6, 1), 8, true, StudySource.Class, null, "test", DateTime.UtcNow),
                StudyLedgerEntry.Credit(person, new DateOnly(year, 7, 1), 2, false, StudySource.Class, null, "test", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        var after = await VillageAsync(year, day);

        Assert.Equal((1, 1, 0), (after.Learners - before.Learners, after.Reached - before.Reached, after.NotStarted - before.NotStarted));
        var plain = await app.WithDbAsync(db => PlainLearningCount.EveryUnitAsync(db, year, day));
        Assert.Equal(plain[TestPeople.OwnVillage], after);
    }

    [Fact]
    public async Task Should_count_an_assigned_person_overdue_once_the_deadline_passed_until_the_course_is_credited()
    {
        var course = await app.CourseAsync();
        var person = await app.PersonAsync(); // a party member holding no post: none of the demo's assignments reach it
        var late = await app.AssignAsync(course.Id, TestPeople.OwnVillage, category: AssignedCategory.PartyMember, startOn: new DateOnly(Today.Year, 1, 1), dueOn: Today.AddDays(-1));
        var again = await app.AssignAsync(course.Id, TestPeople.OwnVillage, category: AssignedCategory.PartyMember, startOn: new DateOnly(Today.Year, 1, 1), dueOn: Today.AddDays(-2));
        var overdue = await app.WithDbAsync(db => new LearningReport(db).OverdueIdsAsync("/", Today.Year, Today, CancellationToken.None));
        await app.WithDbAsync(async db =>
        {
            db.StudyLedger.Add(StudyLedgerEntry.Credit(person, Today, 0.25m, true, StudySource.OnlineCourse, course.Id, "test", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        var after = await app.WithDbAsync(db => new LearningReport(db).OverdueIdsAsync("/", Today.Year, Today, CancellationToken.None));

        Assert.Single(overdue, id => id == person);
        Assert.DoesNotContain(person, after);
        Assert.NotEqual(late, again);
    }

    [Fact]
    public async Task Should_keep_the_aggregates_with_a_course_completed_by_heartbeats()
    {
        var trainee = await app.TraineeAsync();
        var learner = await app.SignInAsync(trainee);
        var course = await app.CourseAsync(videoSeconds: 20);
        var lesson = await learner.OpenLessonAsync(course.VideoId);
        await learner.BeatAsync(lesson, 0, "playing");
        await app.AgeAsync(lesson, 20);

        var end = await learner.BeatAsync(lesson, 20, "ended");

        Assert.True(end.Completed);
        Assert.Equal(await PlainAsync(trainee.PersonId), await StoredAsync(trainee.PersonId));
        Assert.Equal(25, (await StoredAsync(trainee.PersonId)).Sum(t => t.Required + t.Elective));
    }

    [Fact]
    public async Task Should_keep_the_aggregates_with_attendance_credits_and_their_reversal()
    {
        var world = new ClassWorld(app);
        var person = await world.PersonAsync();
        var c = await world.ClassAsync([0], [person], length: SessionLength.HalfDay);
        var district = await app.SignInAsync(ClassWorld.District);

        using (await (await AttendanceForm.GetAsync(district, c.Sessions[0])).PostAsync(district, c.Participants[0])) { }
        var credited = await StoredAsync(person);
        using (await (await AttendanceForm.GetAsync(district, c.Sessions[0])).PostAsync(district)) { }
        var reversed = await StoredAsync(person);

        Assert.Equal(400, credited.Sum(t => t.Required));
        Assert.Equal(0, reversed.Sum(t => t.Required));
        Assert.Equal(await PlainAsync(person), reversed);
    }

    [Fact]
    public async Task Should_keep_the_aggregates_when_the_caller_holds_a_transaction()
    {
        var person = await app.PersonAsync();
        await app.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.StudyLedger.Add(StudyLedgerEntry.Credit(person, Today, 1.5m, false, StudySource.Class, null, "test", DateTime.UtcNow));
            await db.SaveChangesAsync();
            db.StudyLedger.Add(StudyLedgerEntry.Credit(person, Today, 0.25m, false, StudySource.Class, null, "test", DateTime.UtcNow));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return 0;
        });

        Assert.Equal(175, (await StoredAsync(person)).Sum(t => t.Elective));
    }

    [Fact]
    public async Task Should_rebuild_the_same_aggregates_after_they_were_corrupted_and_change_nothing_on_a_second_run()
    {
        var expected = await app.WithDbAsync(PlainLearningCount.TotalsAsync);
        await app.WithDbAsync(async db =>
        {
            var some = await db.StudyHoursTotals.OrderBy(t => t.PersonId).Select(t => t.PersonId).FirstAsync();
            await db.StudyHoursTotals.Where(t => t.PersonId == some).ExecuteUpdateAsync(s => s.SetProperty(t => t.RequiredCenti, t => t.RequiredCenti + 999));
            return await db.StudyHoursTotals.Where(t => t.PersonId % 3 == 0).ExecuteDeleteAsync();
        });
        var corrupted = await app.WithDbAsync(PlainLearningCount.StoredAsync);

        await RunJobAsync();
        var first = await app.WithDbAsync(PlainLearningCount.StoredAsync);
        await RunJobAsync();
        var second = await app.WithDbAsync(PlainLearningCount.StoredAsync);

        Assert.NotEqual(expected, corrupted);
        Assert.Equal(expected, first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Should_rebuild_every_aggregate_after_the_table_was_cleared()
    {
        var expected = await app.WithDbAsync(PlainLearningCount.TotalsAsync);
        await app.WithDbAsync(db => db.StudyHoursTotals.ExecuteDeleteAsync());

        await RunJobAsync();

        Assert.Equal(expected, await app.WithDbAsync(PlainLearningCount.StoredAsync));
    }

    private async Task RunJobAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LearningFiguresJob>().RunAsync(CancellationToken.None);
    }

    private Task<List<(int Year, int PersonId, int Month, long Required, long Elective)>> PlainAsync(int personId) =>
        app.WithDbAsync(async db => (await PlainLearningCount.TotalsAsync(db)).Where(t => t.PersonId == personId).ToList());

    private Task<List<(int Year, int PersonId, int Month, long Required, long Elective)>> StoredAsync(int personId) =>
        app.WithDbAsync(async db => (await PlainLearningCount.StoredAsync(db)).Where(t => t.PersonId == personId).ToList());
}
