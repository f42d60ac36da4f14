using Microsoft.AspNetCore.Identity;
using Training.Core.Domain;

namespace Training.Core.Identity;

/// <summary>
/// A portal account. Staff are bound to an org unit (their scope), a trainee to a person,
/// a school registrar to a school. One role per account.
/// </summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public int? OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    /// <summary>Set by an administrator's password reset: the one-time password must be changed at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
}
