using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.People.Accounts;

/// <summary>
/// Who may manage which accounts (PRODUCT.md §2 "Accounts"): CityAdmin all staff and
/// registrars; other staff only accounts of units below their own, and the trainees of
/// persons in their scope. Nobody manages their own account here.
/// </summary>
public sealed class AccountRules(TrainingDbContext db, CurrentUser me)
{
    public IQueryable<AppUser> ManageableUsers()
    {
        var path = me.OrgPath;
        if (path is null) return db.Users.Where(_ => false);
        var isCity = me.IsIn(Roles.CityAdmin);
        var myUnit = me.OrgUnitId;
        var myId = me.UserId;
        return db.Users.Where(u => u.Id != myId && (
            (u.OrgUnit != null && OrgPaths.IsUnder(u.OrgUnit.Path, path) && (isCity || u.OrgUnitId != myUnit))
            || (u.Person != null && OrgPaths.IsUnder(u.Person.Village.Path, path))
            || (isCity && u.SchoolId != null)));
    }

    /// <summary>Units the current user may create staff accounts for: its own unit's descendants (and the city itself for CityAdmin).</summary>
    public IQueryable<OrgUnit> UnitsForNewAccounts()
    {
        var units = db.OrgUnits.InScope(me);
        return me.IsIn(Roles.CityAdmin) ? units : units.Where(u => u.Id != me.OrgUnitId);
    }

    public bool MayCreateRegistrars => me.IsIn(Roles.CityAdmin);

    /// <summary>A one-time password meeting the policy (three classes, ≥ 8), without look-alike characters.</summary>
    public static string NewOneTimePassword()
    {
        const string lower = "abcdefghjkmnpqrstuvwxyz", upper = "ABCDEFGHJKMNPQRSTUVWXYZ", digits = "23456789";
        Span<char> chars = stackalloc char[PasswordRules.StaffMinimumLength];
        for (var i = 0; i < chars.Length; i++)
        {
            var set = (i % 3) switch { 0 => upper, 1 => lower, _ => digits };
            chars[i] = set[RandomNumberGenerator.GetInt32(set.Length)];
        }
        return new string(chars);
    }

    public async Task AuditAsync(string action, string detail, DateTime at)
    {
        db.Audit.Add(new AuditEntry(me.UserName, action, detail, at));
        await db.SaveChangesAsync();
    }
}
