using Training.Core.Identity;

namespace Training.Web.Features.Demo;

/// <summary>
/// What the demo data set promises, for pages, tests and journeys that rely on it: the 2019
/// figures it reproduces (PRODUCT.md §1 and §10, exact at city scale), the demo accounts and
/// two known persons of village 440111103201 汉塘村委会.
/// </summary>
public static class DemoData
{
    public const string Password = "Gz-Cadre-2019";

    /// <summary>
    /// The authenticator key of the demo's city and district accounts (two factors are required there): printed in
    /// README, so that anyone trying the demo can add it to an authenticator app. Demo data only.
    /// </summary>
    public const string AuthenticatorKey = "GZCADREDEMOTOTPKEYYANGCHENGQWERT";

    /// <summary>The date of the 2019 article: the figures below hold as of this day.</summary>
    public static readonly DateOnly ReportDate = new(2019, 12, 31);

    public const int Participants2019 = 11_065;
    public const int Graduates2019 = 5_233;
    public const int Secretaries2019 = 2_851;
    /// <summary>2,224 ÷ 2,851 = 78.0%.</summary>
    public const int SecretariesAssociateOrAbove2019 = 2_224;
    public const int TwoCommitteeCadres2019 = 20_000;
    /// <summary>13,400 ÷ 20,000 = 67.0%.</summary>
    public const int TwoCommitteeAssociateOrAbove2019 = 13_400;
    public const int ReservesInPool2019 = 14_040;
    public const int SecretaryReserves2019 = 5_500;
    /// <summary>Key posts of all villages: 14,040 reserves ÷ 7,020 key posts is exactly the 1:2 of the article.</summary>
    public const int KeyPosts = 7_020;

    public const string CityCode = "440100";
    public const string VillageCode = "440111103201";
    /// <summary>白云区: runs the demo class that trainee-demo takes.</summary>
    public const string BaiyunCode = "440111";
    public const string TownshipCode = "440111103";

    /// <summary>trainee-demo: a two-committee cadre of 汉塘村委会 with 高中/中专, no enrollment and no reserve record.</summary>
    public const string TraineeUserName = "trainee-demo";
    public const string TraineeName = "何嘉明";
    public const string TraineeIdNumber = "440111198603159110";
    public const string TraineePhone = "13926001234";

    /// <summary>
    /// A roster person of 汉塘村委会 without an account, to register with (身份证号 + 姓名 + 手机号):
    /// a 两委后备 reserve in the pool since 2024, 高中/中专, no enrollment.
    /// </summary>
    public const string RegistrableName = "梁晓彤";
    public const string RegistrableIdNumber = "440111199208229021";
    public const string RegistrablePhone = "13760005678";

    /// <summary>The first partner school, the scope of school-1.</summary>
    public const string FirstSchoolName = "广州城市职业学院";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("city", Roles.CityAdmin, "市委组织部（演示）", OrgUnitCode: CityCode),
        new("district-440103", Roles.DistrictStaff, "荔湾区委组织部（演示）", OrgUnitCode: "440103"),
        new("district-440111", Roles.DistrictStaff, "白云区委组织部（演示）", OrgUnitCode: "440111"),
        new("township-440103001", Roles.TownshipStaff, "沙面街道组织办（演示）", OrgUnitCode: "440103001"),
        new("township-440111103", Roles.TownshipStaff, "人和镇组织办（演示）", OrgUnitCode: "440111103"),
        new("village-440111103201", Roles.VillageStaff, "汉塘村党组织（演示）", OrgUnitCode: VillageCode),
        new("school-1", Roles.SchoolRegistrar, "广州城市职业学院教务（演示）", SchoolName: FirstSchoolName),
        new(TraineeUserName, Roles.Trainee, TraineeName, PersonIdNumber: TraineeIdNumber),
        // The separated duties (issue 16 §4): bound to no unit, they see no business data.
        new("sysadmin", Roles.SystemAdmin, "系统管理员（演示）"),
        new("auditor", Roles.SecurityAuditor, "安全审计员（演示）"),
    ];
}

/// <summary>A demo account and what it is bound to: an org unit, a school or a person.</summary>
public sealed record DemoAccount(
    string UserName, string Role, string DisplayName,
    string? OrgUnitCode = null, string? SchoolName = null, string? PersonIdNumber = null);
