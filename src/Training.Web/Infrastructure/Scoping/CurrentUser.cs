using System.Security.Claims;
using Training.Core.Identity;

namespace Training.Web.Infrastructure.Scoping;

/// <summary>
/// The signed-in user and the scope their account is bound to: an org unit and everything
/// below it (staff), one person (trainee) or one school (registrar). Read from the cookie.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;
    public string UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    public string UserName => Principal.Identity?.Name ?? "";
    public string DisplayName => Principal.FindFirstValue(ScopeClaims.DisplayName) ?? UserName;
    /// <summary>How the user appears in a timeline or an audit entry: "人和镇组织办（township-440111103）".</summary>
    public string Actor => $"{DisplayName}（{UserName}）";
    public string Role => Roles.All.FirstOrDefault(Principal.IsInRole) ?? "";
    public bool IsIn(string role) => Principal.IsInRole(role);
    public int? OrgUnitId => Int(ScopeClaims.OrgUnitId);
    /// <summary>"/440100/440111/": null for accounts not bound to an org unit.</summary>
    public string? OrgPath => Principal.FindFirstValue(ScopeClaims.OrgPath);
    public string OrgName => Principal.FindFirstValue(ScopeClaims.OrgName) ?? "";
    public int? PersonId => Int(ScopeClaims.PersonId);
    public int? SchoolId => Int(ScopeClaims.SchoolId);
    /// <summary>What the account must do before anything else (<see cref="AccountObligations"/>).</summary>
    public AccountObligation Owes => Enum.TryParse<AccountObligation>(Principal.FindFirstValue(ScopeClaims.Owes), out var owed) ? owed : AccountObligation.None;

    /// <summary>CityAdmin and DistrictStaff may see full ID numbers and phones in their scope (PRODUCT.md §4).</summary>
    public bool MaySeePersonalData => IsIn(Roles.CityAdmin) || IsIn(Roles.DistrictStaff);

    private int? Int(string claim) => int.TryParse(Principal.FindFirstValue(claim), out var v) ? v : null;
}
