using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Certificates;

public static class CertificatesPermissions
{
    /// <summary>A class's certificates: issue and revoke for the unit running it, read for the units it reaches.</summary>
    public const string Manage = "Certificates.Manage";
    /// <summary>The participant's own certificate.</summary>
    public const string Mine = "Certificates.Mine";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Manage, CertificatesTexts.ManagePermission, RoleSets.DistrictAndCity),
        new(Mine, CertificatesTexts.MinePermission, [Roles.Trainee]),
    ];
}
