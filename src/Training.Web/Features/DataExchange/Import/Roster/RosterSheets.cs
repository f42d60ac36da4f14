namespace Training.Web.Features.DataExchange.Import.Roster;

/// <summary>
/// The roster workbook of IMPORT-EXPORT.md ("Roster import"): sheet names and headers in
/// their contractual order. The import reads them, the roster export writes them.
/// </summary>
public static class RosterSheets
{
    public const string Org = "组织";
    public const string Persons = "人员";
    public const string Posts = "职务";
    public const string Enrollments = "学历教育";
    public const string Reserves = "后备";
    public const string KeyPosts = "关键岗位";

    /// <summary>The order sheets are processed in (and written in).</summary>
    public static readonly IReadOnlyList<string> InOrder = [Org, Persons, Posts, Enrollments, Reserves, KeyPosts];

    public static readonly IReadOnlyList<string> OrgColumns = [RosterColumns.Code, RosterColumns.Name, RosterColumns.Level, RosterColumns.ParentCode, RosterColumns.Kind];
    public static readonly IReadOnlyList<string> PersonColumns = [RosterColumns.IdNumber, RosterColumns.PersonName, RosterColumns.Phone, RosterColumns.Political, RosterColumns.Education, RosterColumns.HomeVillage];
    public static readonly IReadOnlyList<string> PostColumns = [RosterColumns.IdNumber, RosterColumns.Village, RosterColumns.Post, RosterColumns.PostStart, RosterColumns.PostEnd];
    public static readonly IReadOnlyList<string> EnrollmentColumns =
        [RosterColumns.IdNumber, RosterColumns.Year, RosterColumns.DegreeLevel, RosterColumns.School, RosterColumns.Program, RosterColumns.State, RosterColumns.GraduatedOn, RosterColumns.Total, RosterColumns.Subsidy, RosterColumns.Waiver, RosterColumns.SelfPaid];
    public static readonly IReadOnlyList<string> ReserveColumns = [RosterColumns.IdNumber, RosterColumns.Village, RosterColumns.Target, RosterColumns.State, RosterColumns.InPoolOn];
    public static readonly IReadOnlyList<string> KeyPostColumns = [RosterColumns.Village, RosterColumns.KeyPosts];

    public static IReadOnlyList<string> ColumnsOf(string sheet) => sheet switch
    {
        Org => OrgColumns,
        Persons => PersonColumns,
        Posts => PostColumns,
        Enrollments => EnrollmentColumns,
        Reserves => ReserveColumns,
        KeyPosts => KeyPostColumns,
        _ => throw new ArgumentOutOfRangeException(nameof(sheet), sheet, null),
    };
}
