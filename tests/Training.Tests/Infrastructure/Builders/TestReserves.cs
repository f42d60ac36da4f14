using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using ShadowingPeriod = Training.Core.Domain.Shadowing;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>Reserves in the pool, mentors, pairings and shadowing periods a test makes for itself through the domain.</summary>
public static class TestReserves
{
    /// <summary>A fresh person recommended by <paramref name="villageCode"/> as 两委后备, then moved on to <paramref name="upTo"/>; the candidate's id.</summary>
    public static async Task<int> CandidateAsync(this AppFixture app, string villageCode, ReserveState upTo = ReserveState.Recommended) =>
        (await app.ReserveAsync(villageCode, upTo)).Id;

    /// <summary>A fresh person of <paramref name="villageCode"/> in the pool since <paramref name="inPoolOn"/> (default a year ago), taken in by the import's path; its reserve id.</summary>
    public static Task<int> PooledReserveAsync(this AppFixture app, DateOnly? inPoolOn = null, string villageCode = TestPeople.OwnVillage) =>
        app.WithDbAsync(async db =>
        {
            var person = await TestPeople.NewPersonAsync(db, villageCode, "后备");
            var reserve = ReserveCandidate.HistoricalInPool(person, ReserveTarget.TwoCommittee, inPoolOn ?? TestPeople.Today.AddYears(-1));
            db.Reserves.Add(reserve);
            await db.SaveChangesAsync();
            return reserve.Id;
        });

    /// <summary>A pair of a fresh reserve and a fresh 村党组织书记 of 汉塘村 started <paramref name="startedAgo"/> days ago, evaluated <paramref name="evaluatedAgo"/> days ago if given.</summary>
    public static Task<int> PairAsync(this AppFixture app, int startedAgo, int? evaluatedAgo = null) =>
        app.WithDbAsync(async db =>
        {
            var today = TestPeople.Today;
            var now = DateTime.UtcNow;
            var reserve = ReserveCandidate.HistoricalInPool(await TestPeople.NewPersonAsync(db, TestPeople.OwnVillage, "后备"), ReserveTarget.TwoCommittee, today.AddDays(-startedAgo - 30));
            var mentor = await TestPeople.NewPersonAsync(db, TestPeople.OwnVillage, "帮带");
            mentor.AddPost(mentor.Village, PostType.PartySecretary, today.AddYears(-2));
            db.Reserves.Add(reserve);
            var pair = MentorPair.Start(reserve, mentor, today.AddDays(-startedAgo), today.AddDays(-startedAgo).AddYears(1),
                "熟悉村务", "test-township", now, []);
            if (evaluatedAgo is { } ago) pair.Evaluate(today.AddDays(-ago), Rating.Good, "进步明显", "test-township", now, today);
            db.MentorPairs.Add(pair);
            await db.SaveChangesAsync();
            return pair.Id;
        });

    public static Task<MentorPair> PairOfAsync(this AppFixture app, int id) =>
        app.WithDbAsync(db => db.MentorPairs.AsNoTracking().Include(p => p.Evaluations).SingleAsync(p => p.Id == id));

    /// <summary>A period at the reserve's own township, evaluated when <paramref name="rating"/> is given (on its first day).</summary>
    public static Task<int> ShadowingAsync(this AppFixture app, int reserveId, DateOnly startOn, DateOnly endOn, string department = "党建办", Rating? rating = null) =>
        app.WithDbAsync(async db =>
        {
            var reserve = await db.Reserves.Include(r => r.Person).Include(r => r.Village).ThenInclude(v => v.Parent).SingleAsync(r => r.Id == reserveId);
            var existing = await db.Shadowings.Where(s => s.ReserveId == reserveId).ToListAsync();
            var s = ShadowingPeriod.Record(reserve, reserve.Village.Parent!, department, startOn, endOn, "test-township", DateTime.UtcNow, existing);
            if (rating is { } r) s.Evaluate(r, "测试评价", "test-township", DateTime.UtcNow, startOn);
            db.Shadowings.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });

    public static Task<ShadowingPeriod> ShadowingOfAsync(this AppFixture app, int id) =>
        app.WithDbAsync(db => db.Shadowings.AsNoTracking().SingleAsync(s => s.Id == id));
}
