using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;

namespace Training.Web.Features.People.Accounts;

/// <summary>
/// <c>create-admin</c>: the first CityAdmin of a production install. Creates the city unit
/// 440100 广州市 if the database has none yet. Returns a Chinese error or null.
/// </summary>
public sealed class AdminBootstrap(TrainingDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const string CityCode = "440100";
    public const string CityName = PeopleTexts.CityName;

    public async Task<string?> CreateCityAdminAsync(string userName, string password)
    {
        var city = await db.OrgUnits.SingleOrDefaultAsync(u => u.Level == OrgLevel.City);
        if (city is null)
        {
            city = OrgUnit.CreateCity(CityCode, CityName);
            db.OrgUnits.Add(city);
            await db.SaveChangesAsync();
        }
        var user = new AppUser
        {
            UserName = userName,
            DisplayName = PeopleTexts.CityAdminDisplayName,
            Role = Roles.CityAdmin,
            OrgUnitId = city.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        // The password was typed on a command line (shell history, a ticket): its owner replaces it at first sign-in.
        user.PasswordGivenByAdministrator(user.CreatedAt);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return string.Join(" ", created.Errors.Select(e => e.Description));
        await users.AddToRoleAsync(user, Roles.CityAdmin);
        db.Audit.Add(new AuditEntry(PeopleTexts.CommandLineActor, PeopleTexts.CityAdminCreatedAudit, userName, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        return null;
    }
}
