using Training.Core.Domain;

namespace Training.Web.Features.People;

/// <summary>
/// What the people pages say in C# (persons, accounts of units below, the first administrator),
/// in one place for review. The sign-in pages (Account/) keep their own wording for now.
/// </summary>
public static class PeopleTexts
{
    // Persons
    public const string NoPersonWithIdNumber = "您的管辖范围内没有该身份证号的人员。";

    public static string SourceName(EducationSource source) => source switch
    {
        EducationSource.Recorded => "登记",
        EducationSource.Graduation => "毕业",
        _ => "更正",
    };

    // Accounts of units below (Admin/Users)
    public const string UserNameRequired = "请输入用户名。";
    public const string DisplayNameRequired = "请输入使用人姓名或岗位名称。";
    public const string SchoolRequired = "请选择院校。";
    public const string UnitCodeRequired = "请输入单位代码。";

    public static string UnitOutOfReach(string code) =>
        $"单位代码“{code}”不存在，或不在您可以开设账号的范围内（只能为本单位的下级单位开设）。";

    public static string AccountCreated(string scope, string role, string userName) => $"已为 {scope} 开设{role}账号 {userName}。";

    public const string AccountDisabled = "账号已停用，使用人将无法登录。";
    public const string AccountEnabled = "账号已启用。";
    public const string PasswordReset = "密码已重置。";

    // The first administrator (create-admin)
    public const string CityAdminDisplayName = "市委组织部管理员";
    public const string CreateAdminUsage = "用法：create-admin --user 用户名 --password 密码";

    public static string CityAdminCreated(string userName) => $"已创建市级管理员账号 {userName}。";
}
