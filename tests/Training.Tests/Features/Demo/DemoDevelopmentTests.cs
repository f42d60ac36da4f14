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
/// The demo data's 结对帮带, 跟班学习 and 培训班 keep every rule of the domain and give the demo
/// accounts something to see. Only rows of the demo data count (other tests add their own).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DemoDevelopmentTests(AppFixture app)
{
    private static DateOnly Today => TimeProvider.System.Today();

    [Fact]
    public async Task Should_pair_reserves_in_the_pool_with_a_serving_cadre_of_their_own_village()
    {
        await app.WithDbAsync(async db =>
        {
            var pairs = await db.MentorPairs.AsNoTracking().Where(p => p.CreatedBy == DemoDevelopment.Actor)
                .Include(p => p.Reserve).Include(p => p.Mentor).ThenInclude(m => m.Posts).Include(p => p.Evaluations)
                .AsSplitQuery().ToListAsync();
            var inPool = await db.Reserves.CountAsync(r => r.State == ReserveState.InPool);

            Assert.InRange(pairs.Count, inPool * 30 / 100, inPool * 50 / 100);
            foreach (var p in pairs)
            {
                Assert.True(p.Mentor.IsTwoCommitteeCadreOn(p.StartOn), $"pair {p.Id}: mentor holds no post on {p.StartOn}");
                Assert.Contains(p.Mentor.Posts, x => x.IsHeldOn(p.StartOn) && x.VillageId == p.Reserve.VillageId);
                Assert.Equal(p.Reserve.VillageId, p.Mentor.VillageId);
                Assert.NotEqual(p.Reserve.PersonId, p.MentorId);
                Assert.True(p.Reserve.IsInPoolOn(p.StartOn), $"pair {p.Id}: reserve not in the pool on {p.StartOn}");
                Assert.InRange(p.EndOn, p.StartOn.AddYears(1).AddDays(-1), p.StartOn.AddYears(2).AddDays(-1));
                Assert.True(p.StartOn <= Today);
                foreach (var e in p.Evaluations)
                {
                    Assert.InRange(e.On, p.StartOn, p.EndOn);
                    Assert.True(e.On <= Today, $"pair {p.Id}: evaluation after today");
                }
                Assert.Equal(p.Evaluations.Count == 0 ? null : p.Evaluations.Max(e => e.On), p.LastEvaluatedOn);
            }
            var ratings = pairs.SelectMany(p => p.Evaluations).ToList();
            Assert.True(ratings.Count(e => e.Rating is Rating.Good or Rating.Excellent) > ratings.Count * 3 / 4);

            var active = pairs.Where(p => p.IsActiveOn(Today)).ToList();
            Assert.InRange(active.Count(p => p.IsOverdueOn(Today)), active.Count * 5 / 100, active.Count * 15 / 100);
            return 0;
        });
    }

    [Fact]
    public async Task Should_give_Hantang_and_Renhe_a_running_pair_and_an_overdue_one()
    {
        await app.WithDbAsync(async db =>
        {
            foreach (var code in new[] { DemoData.VillageCode, DemoData.TownshipCode })
            {
                var path = (await db.OrgUnits.SingleAsync(u => u.Code == code)).Path;
                var pairs = db.MentorPairs.Where(p => p.CreatedBy == DemoDevelopment.Actor && p.Reserve.Village.Path.StartsWith(path));
                Assert.True(await pairs.Where(MentorPair.ActiveOn(Today)).AnyAsync(p => (p.LastEvaluatedOn ?? p.StartOn) > Today.AddDays(-90)), $"{code}: no running pair");
                Assert.True(await pairs.AnyAsync(MentorPair.OverdueOn(Today)), $"{code}: no overdue pair");
            }
            return 0;
        });
    }

    [Fact]
    public async Task Should_send_reserves_to_their_own_townships_office_and_evaluate_past_shadowing()
    {
        await app.WithDbAsync(async db =>
        {
            var all = await db.Shadowings.AsNoTracking().Where(s => s.CreatedBy == DemoDevelopment.Actor)
                .Include(s => s.Reserve).ThenInclude(r => r.Village).Include(s => s.Township).ToListAsync();
            Assert.NotEmpty(all);
            string[] departments = ["党政综合办公室", "党建工作办公室", "农业农村办公室", "社会事务办公室", "综治办"];
            foreach (var s in all)
            {
                Assert.Equal(s.Township.Id, s.Reserve.Village.ParentId);
                Assert.Contains(s.Department, departments);
                Assert.True(s.StartOn <= Today && s.Reserve.IsInPoolOn(s.StartOn));
                if (s.EndOn < Today) Assert.NotNull(s.Rating);
            }
            Assert.Contains(all, s => s.EndOn >= Today);
            return 0;
        });
    }

    [Fact]
    public async Task Should_keep_capacity_sex_and_audience_in_the_demo_classes()
    {
        await app.WithDbAsync(async db =>
        {
            var classes = await db.TrainingClasses.AsNoTracking().Where(c => c.CreatedBy == DemoDevelopment.Actor)
                .Include(c => c.Owner).Include(c => c.Sessions).ThenInclude(s => s.Attendance)
                .Include(c => c.Participants).ThenInclude(p => p.Person).ThenInclude(p => p.Posts)
                .Include(c => c.Participants).ThenInclude(p => p.Person).ThenInclude(p => p.Village)
                .AsSplitQuery().ToListAsync();
            Assert.Equal(3, classes.Count);

            var women = classes.Where(c => c.SexOnly == Sex.Female).ToList();
            Assert.Equal(2, women.Count);
            Assert.Contains(women, c => c.EndOn < Today);
            Assert.Contains(women, c => c.StartOn <= Today && Today <= c.EndOn && c.Sessions.Count == 6 && c.Sessions.Count(s => s.On <= Today) >= 2);
            foreach (var c in classes)
            {
                Assert.InRange(c.Participants.Count, 1, c.Capacity);
                Assert.All(c.Participants, p => Assert.True(c.Owner.Contains(p.Person.Village)));
                foreach (var s in c.Sessions.Where(s => s.On <= Today)) Assert.Equal(c.Participants.Count, s.Attendance.Count);
                Assert.All(c.Sessions.Where(s => s.On > Today), s => Assert.Empty(s.Attendance));
            }
            foreach (var c in women)
            {
                Assert.Equal(60, c.Capacity);
                Assert.Equal(ClassAudience.CadresOrReserves, c.Audience);
                Assert.Contains("农村女干部培训班", c.Name);
                // The 17th digit of a woman's ID number is even.
                Assert.All(c.Participants, p => Assert.True((p.Person.IdNumber[16] - '0') % 2 == 0, $"{p.Person.IdNumber} is a man"));
                var reserves = await db.Reserves.AsNoTracking().Where(r => c.Participants.Select(p => p.PersonId).Contains(r.PersonId)).ToListAsync();
                Assert.All(c.Participants, p => Assert.True(p.Person.IsTwoCommitteeCadreOn(p.EnrolledOn)
                    || reserves.Any(r => r.PersonId == p.PersonId && r.IsInPoolOn(p.EnrolledOn))));
            }

            // Last year's class is over: some completed it, some did not.
            var finished = women.Single(c => c.EndOn < Today);
            var standing = finished.Participants.Select(p => Completion(finished, p)).ToList();
            Assert.Contains(ClassCompletion.Completed, standing);
            Assert.Contains(ClassCompletion.NotCompleted, standing);
            return 0;
        });
    }

    [Fact]
    public async Task Should_enrol_trainee_demo_in_the_Baiyun_class_with_attendance()
    {
        await app.WithDbAsync(async db =>
        {
            var trainee = await db.Persons.SingleAsync(p => p.IdNumber == DemoData.TraineeIdNumber);
            var baiyun = await db.TrainingClasses.AsNoTracking().Include(c => c.Owner).Include(c => c.Sessions).ThenInclude(s => s.Attendance)
                .Include(c => c.Participants)
                .SingleAsync(c => c.CreatedBy == DemoDevelopment.Actor && c.Owner.Code == DemoData.BaiyunCode);

            Assert.Equal(40, baiyun.Capacity);
            Assert.Equal(ClassAudience.Any, baiyun.Audience);
            Assert.Null(baiyun.SexOnly);
            var me = Assert.Single(baiyun.Participants, p => p.PersonId == trainee.Id);
            var held = baiyun.Sessions.Where(s => s.On <= Today).ToList();
            Assert.NotEmpty(held);
            Assert.All(held, s => Assert.Contains(s.Attendance, a => a.ParticipantId == me.Id && a.Present));
            return 0;
        });
    }

    private static ClassCompletion Completion(TrainingClass c, ClassParticipant p) =>
        Graduation.Evaluate(new GraduationTerms(c.StartOn, c.EndOn, c.CompletionPercent, c.Sessions.Count, null, null, [], []),
            GraduationFacts.None with { Attended = c.AttendedBy(p) }, Today).Completion;
}

/// <summary>On databases of their own: the same day gives the same rows, and both stores write the same.</summary>
public sealed class DemoDevelopmentSeedingTests : IDisposable
{
    private static readonly string[] Tables = ["MentorPairs", "MentorEvaluations", "Shadowings", "TrainingClasses", "ClassSessions", "ClassParticipants", "SessionAttendance"];
    private readonly TempFolder _temp = new("training-demo-dev");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Should_write_the_same_pairs_shadowing_and_classes_on_the_same_day()
    {
        var day = new DateTimeOffset(2023, 6, 20, 3, 0, 0, TimeSpan.Zero);
        var first = await SeedAsync("a", day, ef: false);
        var second = await SeedAsync("b", day, ef: false);

        Assert.True(first.MentorPairs > 0 && first.Shadowings > 0);
        Assert.Equal(3, first.Classes);
        Assert.Contains($"结对帮带 {first.MentorPairs:N0} 对，跟班学习 {first.Shadowings:N0} 人次，培训班 3 期", first.Summary);
        foreach (var table in Tables)
        {
            var a = await RowsAsync("a", table);
            Assert.NotEmpty(a);
            Assert.Equal(a, await RowsAsync("b", table));
        }
        Assert.Equal(first.Persons, second.Persons);
    }

    [Fact]
    public async Task Should_store_the_new_rows_with_the_SQLite_writer_exactly_as_EF_does()
    {
        var day = new DateTimeOffset(2022, 3, 10, 3, 0, 0, TimeSpan.Zero);
        await SeedAsync("raw", day, ef: false);
        await SeedAsync("ef", day, ef: true);

        foreach (var table in Tables)
        {
            var expected = await RowsAsync("ef", table);
            var actual = await RowsAsync("raw", table);
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Count, actual.Count);
            // Row by row, so that a difference shows the whole row.
            for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i]);
        }
    }

    private async Task<DemoSeedResult> SeedAsync(string name, DateTimeOffset now, bool ef)
    {
        await using var database = await DemoDatabase.MigratedAsync(_temp.Path, name, now);
        return await database.SeedAsync(ef);
    }

    private string File(string name) => Path.Combine(_temp.Path, name + ".db");

    /// <summary>Every column as SQLite stores it; org units by code, as EF may insert the units of one batch in another order than they were added.</summary>
    private Task<List<string>> RowsAsync(string name, string table) =>
        RawRows.ReadAsync(File(name), table, select: c => c is "TownshipId" or "OwnerId"
            ? $"'code:' || (SELECT \"Code\" FROM \"OrgUnits\" WHERE \"Id\" = \"{c}\")"
            : null);
}
