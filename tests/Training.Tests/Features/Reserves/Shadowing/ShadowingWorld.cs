using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Features.Reserves;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Infrastructure;
using ShadowingPeriod = Training.Core.Domain.Shadowing;

namespace Training.Tests.Features.Reserves.Shadowing;

/// <summary>Fresh reserves in the pool and periods of 跟班学习 for one test, made through the domain.</summary>
internal sealed class ShadowingWorld(AppFixture app)
{
    public const string Township = "township-440111103";
    public const string OwnVillage = "440111103201";

    public static DateOnly Today => TimeProvider.System.Today();

    /// <summary>A fresh person of <paramref name="villageCode"/> taken into the pool <paramref name="daysAgo"/> days ago (村推 and 镇选 a few days before).</summary>
    public Task<(int Id, string Name)> PooledReserveAsync(string villageCode = OwnVillage, int daysAgo = 0) =>
        app.ReserveAsync(villageCode, ReserveState.InPool, Today.AddDays(-daysAgo));

    /// <summary>A period at the reserve's own township, evaluated when <paramref name="rating"/> is given (on its first day).</summary>
    public Task<int> PeriodAsync(int reserveId, DateOnly startOn, DateOnly endOn, string department = "党建办", Rating? rating = null) =>
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

    public Task<ShadowingPeriod> LoadAsync(int id) =>
        app.WithDbAsync(db => db.Shadowings.AsNoTracking().SingleAsync(s => s.Id == id));

    /// <summary>The first village whose code starts with <paramref name="prefix"/> and not with <paramref name="notPrefix"/>.</summary>
    public Task<string> VillageCodeAsync(string prefix, string? notPrefix = null) =>
        app.WithDbAsync(db =>
        {
            var villages = db.OrgUnits.Where(u => u.Level == OrgLevel.Village && u.Code.StartsWith(prefix));
            if (notPrefix is not null) villages = villages.Where(u => !u.Code.StartsWith(notPrefix));
            return villages.OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
        });
}
