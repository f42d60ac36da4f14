namespace Training.Web.Features.Learning.Offline;

/// <summary>The 线下学时 sheet as IMPORT-EXPORT.md fixes it: the sheet, its headers in order, and the words its cells may hold.</summary>
public static class OfflineColumns
{
    public const string Sheet = "线下学时";

    public const string IdNumber = "身份证号", Date = "日期", Hours = "学时", Category = "类别", Title = "培训名称", Organizer = "主办单位";

    public static readonly IReadOnlyList<string> All = [IdNumber, Date, Hours, Category, Title, Organizer];

    public const string RequiredName = "必修", ElectiveName = "选修";

    /// <summary>类别: 必修 (true) or 选修 (false).</summary>
    public static readonly IReadOnlyDictionary<string, bool> Categories =
        new Dictionary<string, bool> { [RequiredName] = true, [ElectiveName] = false };
}
