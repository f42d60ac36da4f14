namespace Training.Web.Features.DataExchange.Import.Roster;

/// <summary>
/// The column headers of the roster workbook (IMPORT-EXPORT.md), named once: the sheets' header
/// lists, the readers and every error that names a column use these, so a header cannot drift.
/// </summary>
public static class RosterColumns
{
    public const string Code = "代码";
    public const string Name = "名称";
    public const string Level = "层级";
    public const string ParentCode = "上级代码";
    public const string Kind = "类型";
    public const string IdNumber = "身份证号";
    public const string PersonName = "姓名";
    public const string Phone = "手机号";
    public const string Political = "政治面貌";
    public const string Education = "学历";
    public const string HomeVillage = "所在村社区代码";
    public const string Village = "村社区代码";
    public const string Post = "职务";
    public const string PostStart = "任职日期";
    public const string PostEnd = "离任日期";
    public const string Year = "年度";
    public const string DegreeLevel = "层次";
    public const string School = "院校";
    public const string Program = "专业";
    public const string State = "状态";
    public const string GraduatedOn = "毕业日期";
    public const string Total = "学费总额";
    public const string Subsidy = "财政补助";
    public const string Waiver = "学校减免";
    public const string SelfPaid = "个人自付";
    public const string Target = "后备类型";
    public const string InPoolOn = "入库日期";
    public const string KeyPosts = "关键岗位数";

    /// <summary>"身份证号、后备类型": the columns that together identify a row, as a message names them.</summary>
    public static string Key(params string[] columns) => string.Join("、", columns);
}
