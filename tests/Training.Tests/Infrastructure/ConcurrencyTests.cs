using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Infrastructure;

namespace Training.Tests.Infrastructure;

/// <summary>The guard of records that may not both exist, when a third request acts between a save and its check.</summary>
[Collection(AppCollection.Name)]
public sealed class ConcurrencyTests(AppFixture app)
{
    [Fact]
    public async Task A_later_duplicate_someone_changed_in_its_moment_is_still_taken_back()
    {
        var personId = await app.PersonAsync(TestPeople.OwnVillage, "并发测试");
        var today = TestPeople.Today;
        // Two open candidacies for the same target: both requests passed the domain's check before either committed.
        var (earlier, later) = await app.WithDbAsync(async db =>
        {
            var person = await db.Persons.Include(p => p.Village).SingleAsync(p => p.Id == personId);
            var a = ReserveCandidate.Recommend(person, person.Village, ReserveTarget.Secretary, "test-village", today, DateTime.UtcNow, []);
            db.Reserves.Add(a);
            await db.SaveChangesAsync();
            var b = ReserveCandidate.Recommend(person, person.Village, ReserveTarget.Secretary, "test-village", today, DateTime.UtcNow, []);
            db.Reserves.Add(b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        var kept = await app.WithDbAsync(async db =>
        {
            // The later request holds its row as it saved it …
            var added = await db.Reserves.SingleAsync(r => r.Id == later);
            // … while the township, which saw it in its list, selects it.
            await app.WithDbAsync(async other =>
            {
                var seen = await other.Reserves.SingleAsync(r => r.Id == later);
                seen.SelectByTownship("test-township", null, today, DateTime.UtcNow);
                return await other.SaveChangesAsync();
            });
            return await db.KeepEarliestAsync(added, db.Reserves.Where(r => r.PersonId == personId && r.Target == ReserveTarget.Secretary),
                first => new AuditEntry("test-village", "撤回重复推荐", $"保留 {first}", DateTime.UtcNow), CancellationToken.None);
        });

        Assert.False(kept);
        var left = await app.WithDbAsync(db => db.Reserves.Where(r => r.PersonId == personId).Select(r => r.Id).ToListAsync());
        Assert.Equal([earlier], left);
        Assert.NotNull(await app.WithDbAsync(db => db.Audit.FirstOrDefaultAsync(a => a.Action == "撤回重复推荐" && a.Detail == $"保留 {earlier}")));
    }
}
