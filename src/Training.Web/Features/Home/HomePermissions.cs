using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Home;

public static class HomePermissions
{
    public const string Home = "Home.View";
    public const string Maintenance = "Home.Maintenance";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Home, HomeTexts.HomePermission, Roles.All),
        new(Maintenance, HomeTexts.MaintenancePermission, [Roles.SystemAdmin]),
    ];
}
