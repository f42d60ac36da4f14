using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Audit;

public static class AuditPermissions
{
    /// <summary>Search and export the trail: the security auditor's, and no one else's (等保 8.1.4.2, 8.1.4.3).</summary>
    public const string Read = "Audit.Read";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Read, AuditTexts.ReadPermission, [Roles.SecurityAuditor]),
    ];
}
