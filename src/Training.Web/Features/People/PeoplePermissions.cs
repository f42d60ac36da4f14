using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.People;

public static class PeoplePermissions
{
    public const string OwnAccount = "People.OwnAccount";
    public const string OwnRecord = "People.OwnRecord";
    public const string Org = "People.Org";
    public const string Persons = "People.Persons";
    public const string PersonDetails = "People.PersonDetails";
    public const string Accounts = "People.Accounts";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(OwnAccount, "自己的账号：修改密码、退出", Roles.All),
        new(OwnRecord, "我的档案", [Roles.Trainee]),
        new(Org, "组织机构", RoleSets.OrgStaff),
        new(Persons, "人员查询", RoleSets.OrgStaff),
        new(PersonDetails, "人员档案（学员只看自己的）", [.. RoleSets.OrgStaff, Roles.Trainee]),
        new(Accounts, "下级单位的账号管理", RoleSets.TownshipAndAbove),
    ];
}
