using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;

namespace Training.Web.Features.People.Accounts;

/// <summary>
/// <c>create-admin</c>: the accounts no portal account may make (issue 16 §4) — the system administrator, who then opens
/// the CityAdmin's and every other account in the portal, and the security auditor — and a CityAdmin when the operator
/// asks for one. Creates the city unit 440100 广州市 if the database has none yet. Returns a Chinese error or null.
/// </summary>
public sealed class AdminBootstrap(TrainingDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const string CityCode = "440100";
    public const string CityName = PeopleTexts.CityName;

    /// <summary>The roles <c>create-admin --role</c> makes.</summary>
    public static readonly IReadOnlyList<string> CommandLineRoles = [Roles.SystemAdmin, Roles.SecurityAuditor, Roles.CityAdmin];

    public async Task<string?> CreateAsync(string userName, string password, string role)
    {
        if (!CommandLineRoles.Contains(role)) return PeopleTexts.CreateAdminUnknownRole(role);
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
            DisplayName = PeopleTexts.AdminDisplayName(Roles.DisplayName(role)),
            Role = role,
            // The separated duties belong to no unit, so no scope query ever returns business data to them.
            OrgUnitId = role == Roles.CityAdmin ? city.Id : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        // The password was typed on a command line (shell history, a ticket): its owner replaces it at first sign-in.
        user.PasswordGivenByAdministrator(user.CreatedAt);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return string.Join(" ", created.Errors.Select(e => e.Description));
        await users.AddToRoleAsync(user, role);
        db.Audit.Add(new AuditEntry(PeopleTexts.CommandLineActor, PeopleTexts.AdminCreatedAudit, PeopleTexts.AccountCreatedDetail(userName, Roles.DisplayName(role), CityName), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        return null;
    }
}
