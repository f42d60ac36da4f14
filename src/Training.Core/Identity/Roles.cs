namespace Training.Core.Identity;

/// <summary>
/// The six business roles of PRODUCT.md §2 and the two of separated duties (issue 16 §4, 等保 8.1.4.2): the system
/// administrator runs accounts and jobs and sees no business data; the security auditor reads and exports the audit
/// trail and nothing else.
/// </summary>
public static class Roles
{
    public const string Trainee = nameof(Trainee);
    public const string VillageStaff = nameof(VillageStaff);
    public const string TownshipStaff = nameof(TownshipStaff);
    public const string DistrictStaff = nameof(DistrictStaff);
    public const string CityAdmin = nameof(CityAdmin);
    public const string SchoolRegistrar = nameof(SchoolRegistrar);
    public const string SystemAdmin = nameof(SystemAdmin);
    public const string SecurityAuditor = nameof(SecurityAuditor);

    public static readonly IReadOnlyList<string> All =
        [Trainee, VillageStaff, TownshipStaff, DistrictStaff, CityAdmin, SchoolRegistrar, SystemAdmin, SecurityAuditor];

    /// <summary>Staff who work inside an org unit (the four levels).</summary>
    public const string OrgStaff = $"{VillageStaff},{TownshipStaff},{DistrictStaff},{CityAdmin}";

    public static string DisplayName(string role) => role switch
    {
        Trainee => "学员",
        VillageStaff => "村(社区)党组织",
        TownshipStaff => "镇(街)组织办",
        DistrictStaff => "区委组织部",
        CityAdmin => "市委组织部",
        SchoolRegistrar => "院校教务",
        SystemAdmin => "系统管理员",
        SecurityAuditor => "安全审计员",
        _ => role,
    };

    /// <summary>The staff role that works at an org level.</summary>
    public static string ForLevel(Domain.OrgLevel level) => level switch
    {
        Domain.OrgLevel.City => CityAdmin,
        Domain.OrgLevel.District => DistrictStaff,
        Domain.OrgLevel.Township => TownshipStaff,
        _ => VillageStaff,
    };
}
