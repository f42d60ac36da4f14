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
        new(View, ReservesTexts.ViewPermission, RoleSets.OrgStaff),
        new(KeyPosts, ReservesTexts.KeyPostsPermission, RoleSets.DistrictAndCity),
        new(Arrange, ReservesTexts.ArrangePermission, [Roles.TownshipStaff]),
    ];
}
