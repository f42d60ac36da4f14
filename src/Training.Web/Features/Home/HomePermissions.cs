using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Home;

public static class HomePermissions
{
    public const string Home = "Home.View";
    public const string Maintenance = "Home.Maintenance";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Home, "首页、全部功能", Roles.All),
        new(Maintenance, "系统维护：后台任务", RoleSets.CityOnly),
    ];
}
