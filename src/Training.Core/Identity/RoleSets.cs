namespace Training.Core.Identity;

/// <summary>The groups of roles that permissions are granted to.</summary>
public static class RoleSets
{
    /// <summary>Staff who work inside an org unit: village, township, district, city.</summary>
    public static readonly IReadOnlyList<string> OrgStaff = [Roles.VillageStaff, Roles.TownshipStaff, Roles.DistrictStaff, Roles.CityAdmin];

    /// <summary>Township, district and city: they review, and manage accounts of the units below.</summary>
    public static readonly IReadOnlyList<string> TownshipAndAbove = [Roles.TownshipStaff, Roles.DistrictStaff, Roles.CityAdmin];

    public static readonly IReadOnlyList<string> DistrictAndCity = [Roles.DistrictStaff, Roles.CityAdmin];

    public static readonly IReadOnlyList<string> CityOnly = [Roles.CityAdmin];

    /// <summary>
    /// The separated duties (等保 8.1.4.2): their accounts are made on the command line by whoever runs the server, never
    /// in the portal, so no portal account can make, change or reset one — not even another of the same role.
    /// </summary>
    public static readonly IReadOnlyList<string> Administrators = [Roles.SystemAdmin, Roles.SecurityAuditor];

    /// <summary>Roles that sign in with a password and an authenticator code (等保 8.1.4.1 d): they see full ID numbers, run accounts or read the audit.</summary>
    public static readonly IReadOnlyList<string> SecondFactorRequired = [Roles.DistrictStaff, Roles.CityAdmin, Roles.SystemAdmin, Roles.SecurityAuditor];
}
