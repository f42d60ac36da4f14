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

    /// <summary>When the password was last set by its owner; null for accounts older than the rule (their creation counts).</summary>
    public DateTime? PasswordChangedAt { get; set; }

    /// <summary>The last time step whose authenticator code was accepted: a code is good once (ASVS 2.8.4).</summary>
    public long? LastTotpStep { get; set; }

    /// <summary>The owner set a password of their own: it counts from now, and nothing more is owed.</summary>
    public void PasswordSetByOwner(DateTime at)
    {
        PasswordChangedAt = at;
        MustChangePassword = false;
    }

    /// <summary>An administrator (or the command line) gave a password: its owner must change it at the next sign-in.</summary>
    public void PasswordGivenByAdministrator(DateTime at)
    {
        PasswordChangedAt = at;
        MustChangePassword = true;
    }

    /// <summary>When the password must be changed by age (<paramref name="maximumAge"/>); null when it never ages.</summary>
    public DateTime? PasswordDueAt(TimeSpan? maximumAge) =>
        maximumAge is { } age ? (PasswordChangedAt ?? CreatedAt) + age : null;
}
