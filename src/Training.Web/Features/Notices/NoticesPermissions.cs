using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Notices;

public static class NoticesPermissions
{
    /// <summary>阅读通知公告: trainees and staff read the notices of their units and those above.</summary>
    public const string Read = "Notices.Read";
    /// <summary>发布通知公告: the city and the districts, for their own unit.</summary>
    public const string Publish = "Notices.Publish";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Read, NoticesTexts.ReadPermission, [Roles.Trainee, .. RoleSets.OrgStaff]),
        new(Publish, NoticesTexts.PublishPermission, RoleSets.DistrictAndCity),
    ];
}
