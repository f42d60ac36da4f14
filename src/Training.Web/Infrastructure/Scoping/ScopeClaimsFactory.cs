using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Core.Data;
using Training.Core.Identity;

namespace Training.Web.Infrastructure.Scoping;

/// <summary>Puts the account's scope into the sign-in cookie so that no request needs a lookup to know it.</summary>
public sealed class ScopeClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, TrainingDbContext db, TimeProvider clock)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ScopeClaims.DisplayName, user.DisplayName));
        if (user.OrgUnitId is { } unitId)
        {
            var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId)
                .Select(u => new { u.Path, u.Name }).SingleAsync();
            identity.AddClaim(new Claim(ScopeClaims.OrgUnitId, unitId.ToString()));
            identity.AddClaim(new Claim(ScopeClaims.OrgPath, unit.Path));
            identity.AddClaim(new Claim(ScopeClaims.OrgName, unit.Name));
        }
        if (user.PersonId is { } personId) identity.AddClaim(new Claim(ScopeClaims.PersonId, personId.ToString()));
        if (user.SchoolId is { } schoolId) identity.AddClaim(new Claim(ScopeClaims.SchoolId, schoolId.ToString()));
        if (AccountObligations.Of(user, clock.GetUtcNow().UtcDateTime) is not AccountObligation.None and var owed)
            identity.AddClaim(new Claim(ScopeClaims.Owes, owed.ToString()));
        return identity;
    }
}

public static class ScopeClaims
{
    public const string DisplayName = "training:name";
    public const string OrgUnitId = "training:org";
    public const string OrgPath = "training:path";
    public const string OrgName = "training:orgname";
    public const string PersonId = "training:person";
    public const string SchoolId = "training:school";
    public const string Owes = "training:owes";
}
