using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Core.Identity;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>What a test trainee's person is besides a villager: what decides which programmes are open to them.</summary>
public enum Standing { Cadre, ReserveInPool, RecommendedPartyMember, PartyMemberNotRecommended, None }

/// <summary>A person of the roster with a Trainee account bound to it.</summary>
public sealed record Trainee(int PersonId, string UserName, string Name, string IdNumber);

/// <summary>
/// Fresh trainees of 增城区, so that application tests never touch trainee-demo (the e2e journey
/// needs it without an application) and the demo reviewers' queues stay as they were.
/// </summary>
public static class TestTrainees
{
    public const string Password = "Str0ng!pass-12";
    /// <summary>增城区: no demo staff account is bound here.</summary>
    public const string DistrictCode = "440118";

    /// <summary>A new person of a 增城区 village with the given standing and education, and a Trainee account bound to it.</summary>
    public static async Task<Trainee> TraineeAsync(this AppFixture app, Standing standing = Standing.Cadre, Education education = Education.HighSchool)
    {
        var now = DateTime.UtcNow;
        var today = TestPeople.Today;
        var person = await app.WithDbAsync(async db =>
        {
            var village = await db.OrgUnits.Where(u => u.Level == OrgLevel.Village && u.Code.StartsWith(DistrictCode))
                .OrderBy(u => u.Id).FirstAsync();
            // Born 1965–1994: old enough and young enough for every programme's age rule.
            var idNumber = await TestPeople.FreeIdNumberAsync(db, DistrictCode, bornFromYear: 1965, bornOverDays: 11_000);
            var party = standing is Standing.RecommendedPartyMember or Standing.PartyMemberNotRecommended
                ? PoliticalStatus.PartyMember : PoliticalStatus.Masses;
            var p = Person.Register(idNumber, "学员" + Guid.NewGuid().ToString("N")[..6], null, party, education, village, today, now);
            if (standing == Standing.Cadre) p.AddPost(village, PostType.CommitteeMember, today.AddYears(-2));
            if (standing == Standing.RecommendedPartyMember) p.SetRecommendedByVillage(true);
            db.Persons.Add(p);
            if (standing == Standing.ReserveInPool)
                db.Reserves.Add(ReserveCandidate.HistoricalInPool(p, ReserveTarget.TwoCommittee, today.AddYears(-1)));
            await db.SaveChangesAsync();
            return new { p.Id, p.Name, p.IdNumber };
        });

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = "apply-" + Guid.NewGuid().ToString("N")[..10],
            DisplayName = person.Name,
            Role = Roles.Trainee,
            PersonId = person.Id,
            CreatedAt = now,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Trainee);
        return new Trainee(person.Id, user.UserName, person.Name, person.IdNumber);
    }

    public static Task<HttpClient> SignInAsync(this AppFixture app, Trainee t) => app.SignInAsync(t.UserName, Password);
}
