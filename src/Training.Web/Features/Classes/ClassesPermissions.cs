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
        new(View, "培训班（本辖区）", RoleSets.OrgStaff),
        new(Manage, "开办培训班、报名、考勤", RoleSets.DistrictAndCity),
        new(Mine, "我的培训班", [Roles.Trainee]),
    ];
}
