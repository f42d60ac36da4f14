using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>
/// Fresh people and reserve candidates a test makes for itself, through the domain's own verbs,
/// so that the demo's people other tests count stay as they are. The one place a test gets a
/// person: every module's tests use these instead of a builder of their own.
/// </summary>
public static class TestPeople
{
    /// <summary>汉塘村委会 (人和镇, 白云区): the village of the demo village account.</summary>
    public const string OwnVillage = "440111103201";

    /// <summary>Guangzhou's today, as the app's clock gives it.</summary>
    public static DateOnly Today => TimeProvider.System.Today();

    /// <summary>A valid ID number of <paramref name="area"/> (six digits) no stored person has, born over <paramref name="bornOverDays"/> days from <paramref name="bornFromYear"/> (1975–1999); its 17th digit says <paramref name="sex"/> when given.</summary>
    public static async Task<string> FreeIdNumberAsync(TrainingDbContext db, string area = "440111", Sex? sex = null,
        int bornFromYear = 1975, int bornOverDays = 9000)
    {
        while (true)
        {
            var birth = new DateOnly(bornFromYear, 1, 1).AddDays(Random.Shared.Next(0, bornOverDays));
            var odd = sex switch { Sex.Male => 1, Sex.Female => 0, _ => Random.Shared.Next(0, 2) };
            var first17 = $"{area}{birth:yyyyMMdd}{Random.Shared.Next(0, 500) * 2 + odd:000}";
            var id = first17 + ResidentId.CheckCharacter(first17);
            if (!await db.Persons.AnyAsync(p => p.IdNumber == id)) return id;
        }
    }

    /// <summary>A person of <paramref name="villageCode"/> registered (added to <paramref name="db"/>, not saved), named <paramref name="prefix"/> and a random tail.</summary>
    public static async Task<Person> NewPersonAsync(TrainingDbContext db, string villageCode = OwnVillage, string prefix = "测试", Sex? sex = null)
    {
        var village = await db.OrgUnits.SingleAsync(u => u.Code == villageCode);
        var person = Person.Register(await FreeIdNumberAsync(db, villageCode[..6], sex), prefix + Guid.NewGuid().ToString("N")[..6], null,
            PoliticalStatus.PartyMember, Education.HighSchool, village, Today, DateTime.UtcNow);
        db.Persons.Add(person);
        return person;
    }

    /// <summary>A fresh person of <paramref name="villageCode"/>; a 村委会委员 since <paramref name="cadreSince"/> when given. Its id.</summary>
    public static Task<int> PersonAsync(this AppFixture app, string villageCode = OwnVillage, string prefix = "测试", Sex? sex = null, DateOnly? cadreSince = null) =>
        app.WithDbAsync(async db =>
        {
            var person = await NewPersonAsync(db, villageCode, prefix, sex);
            if (cadreSince is { } since) person.AddPost(person.Village, PostType.CommitteeMember, since);
            await db.SaveChangesAsync();
            return person.Id;
        });

    /// <summary>
    /// A fresh person of <paramref name="villageCode"/> recommended as 两委后备 and moved on to
    /// <paramref name="upTo"/>: 村推 two days before <paramref name="on"/> (default today), 镇选 the day before, 入库 on it. Its id and the person's name.
    /// </summary>
    public static Task<(int Id, string Name)> ReserveAsync(this AppFixture app, string villageCode = OwnVillage,
        ReserveState upTo = ReserveState.InPool, DateOnly? on = null) =>
        app.WithDbAsync(async db =>
        {
            var person = await NewPersonAsync(db, villageCode, "后备");
            var day = on ?? Today;
            var now = DateTime.UtcNow;
            var first = upTo switch { ReserveState.InPool => day.AddDays(-2), ReserveState.Selected => day.AddDays(-1), _ => day };
            var c = ReserveCandidate.Recommend(person, person.Village, ReserveTarget.TwoCommittee, "test-village", first, now, []);
            if (upTo >= ReserveState.Selected) c.SelectByTownship("test-township", null, upTo == ReserveState.Selected ? day : day.AddDays(-1), now);
            if (upTo >= ReserveState.InPool) c.PutInPool("test-district", null, day, now);
            db.Reserves.Add(c);
            await db.SaveChangesAsync();
            return (c.Id, person.Name);
        });
}
