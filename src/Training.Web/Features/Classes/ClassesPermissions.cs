using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Classes;

public static class ClassesPermissions
{
    public const string View = "Classes.View";
    public const string Manage = "Classes.Manage";
    public const string Mine = "Classes.Mine";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(View, ClassesTexts.ViewPermission, RoleSets.OrgStaff),
        new(Manage, ClassesTexts.ManagePermission, RoleSets.DistrictAndCity),
        new(Mine, ClassesTexts.MinePermission, [Roles.Trainee]),
    ];
}
