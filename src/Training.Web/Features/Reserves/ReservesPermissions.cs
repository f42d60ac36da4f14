using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Reserves;

public static class ReservesPermissions
{
    public const string View = "Reserves.View";
    public const string KeyPosts = "Reserves.KeyPosts";
    public const string Arrange = "Reserves.Arrange";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(View, "后备干部：人选、1:2 配备、结对帮带、跟班学习（各级按本级的步骤办理）", RoleSets.OrgStaff),
        new(KeyPosts, "设置各村关键岗位数", RoleSets.DistrictAndCity),
        new(Arrange, "安排结对帮带、跟班学习", [Roles.TownshipStaff]),
    ];
}
