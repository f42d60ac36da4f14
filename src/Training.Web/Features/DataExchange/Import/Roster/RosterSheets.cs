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

    public static readonly IReadOnlyList<string> OrgColumns = ["代码", "名称", "层级", "上级代码", "类型"];
    public static readonly IReadOnlyList<string> PersonColumns = ["身份证号", "姓名", "手机号", "政治面貌", "学历", "所在村社区代码"];
    public static readonly IReadOnlyList<string> PostColumns = ["身份证号", "村社区代码", "职务", "任职日期", "离任日期"];
    public static readonly IReadOnlyList<string> EnrollmentColumns =
        ["身份证号", "年度", "层次", "院校", "专业", "状态", "毕业日期", "学费总额", "财政补助", "学校减免", "个人自付"];
    public static readonly IReadOnlyList<string> ReserveColumns = ["身份证号", "村社区代码", "后备类型", "状态", "入库日期"];
    public static readonly IReadOnlyList<string> KeyPostColumns = ["村社区代码", "关键岗位数"];

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
