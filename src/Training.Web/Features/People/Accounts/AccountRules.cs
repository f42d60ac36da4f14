using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.People.Accounts;

/// <summary>
/// Who may manage which accounts (PRODUCT.md §2 "Accounts", issue 16 §4): the system administrator every business
/// account, staff of a district or township only the accounts of units below their own and the trainees of persons in
/// their scope. Nobody manages their own account here, nor a peer's, and no portal account manages the system
/// administrators and security auditors (<see cref="RoleSets.Administrators"/>): they are made on the command line.
/// </summary>
public sealed class AccountRules(TrainingDbContext db, CurrentUser me)
{
    private bool IsSystemAdmin => me.IsIn(Roles.SystemAdmin);

    public IQueryable<AppUser> ManageableUsers()
    {
        var myId = me.UserId;
        if (IsSystemAdmin)
            return db.Users.Where(u => u.Id != myId && u.Role != Roles.SystemAdmin && u.Role != Roles.SecurityAuditor);
        var path = me.OrgPath;
        if (path is null) return db.Users.Where(_ => false);
        var myUnit = me.OrgUnitId;
        return db.Users.Where(u => u.Id != myId && (
            (u.OrgUnit != null && OrgPaths.IsUnder(u.OrgUnit.Path, path) && u.OrgUnitId != myUnit && u.Role != Roles.SystemAdmin && u.Role != Roles.SecurityAuditor)
            || (u.Person != null && OrgPaths.IsUnder(u.Person.Village.Path, path))));
    }

    /// <summary>Units the current user may open staff accounts for: the units below its own (every unit, the city included, for the system administrator).</summary>
    public IQueryable<OrgUnit> UnitsForNewAccounts()
    {
        if (IsSystemAdmin) return db.OrgUnits;
        var units = db.OrgUnits.InScope(me);
        return units.Where(u => u.Id != me.OrgUnitId);
    }

    public bool MayCreateRegistrars => IsSystemAdmin;

    public async Task AuditAsync(string action, string detail, DateTime at)
    {
        db.Audit.Add(new AuditEntry(me.UserName, action, detail, at));
        await db.SaveChangesAsync();
    }
}
