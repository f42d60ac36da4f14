using Training.Core.Domain;

namespace Training.Web.Features.Learning.Offline;

/// <summary>What the 线下学时 import, its verb and the page that adds one person's entry say, in one place for review.</summary>
public static class OfflineTexts
{
    // Menu, permission, titles
    public const string MenuImport = "线下学时导入";
    public const string ImportTitle = "线下学时导入";
    public const string TemplateFileName = "线下学时导入模板.xlsx";
    public const string NotesSheet = "填写说明";
    /// <summary>The template's second sheet, which the import does not read.</summary>
    public static readonly IReadOnlyList<string> TemplateNotes =
    [
        "在“线下学时”工作表中每行填写一人参加的一次线下培训，表头不要改动。",
        "身份证号：18 位，须是花名册中、本单位范围内的人员。",
        "日期：培训日期，Excel 日期或 yyyy-MM-dd（如 2026-03-15），不能晚于今天。",
        "学时：0.5 到 80 之间，0.5 的整数倍（如 0.5、1、4、7.5）。",
        "类别：必修 或 选修。",
        "培训名称、主办单位：必填，各不超过 100 个字，如“学习贯彻党的二十届三中全会精神专题培训”“白云区委组织部”。",
        "同一人同一天同一培训名称只记一次：已导入过的行不会重复计入，同一文件再次导入不会改变任何数据。",
        "只要有一行有误，整个文件都不导入，并列出每个错误的行号和原因。",
    ];

    // The sheet
    public static string NoSheet(IEnumerable<string> sheets) =>
        $"工作簿中没有“{OfflineColumns.Sheet}”工作表（现有：{string.Join("、", sheets)}）。线下学时应在名为“{OfflineColumns.Sheet}”的工作表中，表头为：{string.Join("、", OfflineColumns.All)}（可下载模板后填写）";
    public static string NotANumber(string? text) => $"“{text}”不是数字，学时应为 0.5 到 80 之间、0.5 的整数倍的数";
    public static string Duplicate(int first) => $"与第{first}行重复（同一身份证号、日期、培训名称只能出现一次）";
    public static string NoSuchPerson(string maskedIdNumber, string scope) =>
        $"在{scope}范围内找不到身份证号为 {maskedIdNumber} 的人员（人员须已在花名册中，且属于本单位）";
    public const string ChangedWhileImporting = "导入期间有人登记了表中的同一条学时，本次未写入任何数据，请重新导入。";
    public const string WholeCity = "全市";

    // Who recorded it
    public static string ImportedBy(string userName) => $"线下学时导入（{userName}）";

    // The audit
    public const string ImportAudit = "线下学时导入";
    public const string AddedAudit = "登记线下学时";
    public static string AddedDetail(string name, DateOnly on, decimal hours, bool required, string title, string organizer) =>
        $"{name}：{on:yyyy-MM-dd} {title}（{organizer}）{LearningNames.HoursText(hours)} 学时，{(required ? OfflineColumns.RequiredName : OfflineColumns.ElectiveName)}";

    // The page that adds one entry
    public static string Added(string name, decimal hours) => $"已为{name}登记线下学时 {LearningNames.HoursText(hours)} 学时。";
    public static string AlreadyRecorded(DateOnly on, string title) =>
        $"该人员 {on:yyyy-MM-dd} 的“{title}”已登记过，同一培训同一天只登记一次（如原记录有误，请先冲销，再以更正后的培训名称登记）。";
    public const string DateLabel = "日期", HoursLabel = "学时", CategoryLabel = "类别", TitleLabel = "培训名称", OrganizerLabel = "主办单位";
    public const string ChooseCategory = "请选择类别：必修 或 选修。";
    public const string DateInvalid = "请填写培训日期。";

    // The import-hours verb
    public const string VerbHelp = "import-hours 文件.xlsx：导入线下学时（工作表“线下学时”，全市范围）";
    public const string Usage = "用法：import-hours 文件.xlsx";
    public static string NoFileGiven => $"请指定要导入的线下学时文件。{Usage}";
    public static string BadArguments => $"参数不正确。{Usage}";
    public static string IsAFolder(string file) => $"“{file}”是文件夹，不是线下学时文件。{Usage}";
    public const string NoCity = "数据库中还没有市级单位，请先导入花名册（import）或创建管理员（create-admin）。";
    public const string ImportedLine = "已导入线下学时。";
}
