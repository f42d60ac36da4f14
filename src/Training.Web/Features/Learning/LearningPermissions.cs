using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Learning;

public static class LearningPermissions
{
    /// <summary>编写课程: the city and the districts author their own unit's courses.</summary>
    public const string Author = "Learning.Author";
    /// <summary>在线学习: a trainee studies the published courses of its city and district.</summary>
    public const string Study = "Learning.Study";
    /// <summary>打开课程: a trainee its published courses, staff those in their scope (a preview, nothing credited).</summary>
    public const string Read = "Learning.Read";
    /// <summary>学习任务: staff follow the assignments of their scope and where each of their people stands.</summary>
    public const string Follow = "Learning.Follow";
    /// <summary>年度学时目标: CityAdmin sets each year's target per category of people.</summary>
    public const string Targets = "Learning.Targets";
    /// <summary>冲销学时: township, district and city correct a ledger entry of a person in their scope, with a reason.</summary>
    public const string Correct = "Learning.Correct";
    /// <summary>
    /// 线下学时: CityAdmin and DistrictStaff enter training elsewhere for persons in their scope, by the import or one
    /// entry at a time — the units IMPORT-EXPORT.md names for the import; crediting new hours is theirs, correcting (冲销) a township's too.
    /// </summary>
    public const string Offline = "Learning.Offline";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Author, LearningTexts.AuthorPermission, RoleSets.DistrictAndCity),
        new(Study, LearningTexts.StudyPermission, [Roles.Trainee]),
        new(Read, LearningTexts.ReadPermission, [Roles.Trainee, .. RoleSets.OrgStaff]),
        new(Follow, LearningTexts.FollowPermission, RoleSets.OrgStaff),
        new(Targets, LearningTexts.TargetsPermission, RoleSets.CityOnly),
        new(Correct, LearningTexts.CorrectPermission, RoleSets.TownshipAndAbove),
        new(Offline, LearningTexts.OfflinePermission, RoleSets.DistrictAndCity),
    ];
}
