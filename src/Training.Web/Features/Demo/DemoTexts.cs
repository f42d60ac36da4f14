using System.Globalization;

namespace Training.Web.Features.Demo;

/// <summary>What loading the demo data says (the <c>seed-demo</c> verb, its refusals, its progress); the demo's own data — names of people, units, classes — stays in its data files.</summary>
public static class DemoTexts
{
    public const string VerbHelp = "seed-demo [--scale city|province|nation]  载入演示数据（仅空库）";
    public static string UnknownScale(string text) => $"未知的规模“{text}”：应为 city、province 或 nation。";
    public static string ScaleName(DemoScale scale) => scale switch
    {
        DemoScale.City => "市",
        DemoScale.Province => "省",
        DemoScale.Nation => "全国",
        _ => scale.ToString(),
    };

    public const string NotEmpty = "数据库中已有组织数据：演示数据只能载入空数据库。如需重新载入，请换用一个新的数据库。";
    public static string TooEarly(DateOnly today) => $"系统日期 {today:yyyy-MM-dd} 早于 2020 年，无法生成演示数据。";
    public const string StartingLog = "正在生成演示数据：{Scale}规模（广州市 ×{Factor}），以 {Today:yyyy-MM-dd} 为今天……";
    public const string DistrictLog = "演示数据：{District} {Villages} 个村社区，{Persons} 人（用时 {Seconds:F1} 秒）";
    public const string CopyLog = "演示数据：副本 {Copy}/{Copies} 已写入，共 {Persons:N0} 人、{Rows:N0} 行（用时 {Seconds:F0} 秒）";
    public static string Loaded(DemoScale scale, long orgUnits, long persons, long posts, long enrollments, long reserves, long pairs, long shadowings,
        long classes, long courses, long assignments, long progress, int accounts, string password, double seconds) =>
        string.Create(CultureInfo.InvariantCulture,
            $"演示数据已载入（{ScaleName(scale)}规模）：组织 {orgUnits:N0} 个，人员 {persons:N0} 人，职务 {posts:N0} 条，" +
            $"学历教育 {enrollments:N0} 条，后备人选 {reserves:N0} 条，" +
            $"结对帮带 {pairs:N0} 对，跟班学习 {shadowings:N0} 人次，培训班 {classes:N0} 期，" +
            $"在线课程 {courses:N0} 门，学习任务 {assignments:N0} 项，学习进度 {progress:N0} 条，演示账号 {accounts} 个（密码 {password}），" +
            $"用时 {seconds:F1} 秒。");
    public static string AccountWithoutPerson(string userName) => $"演示账号 {userName} 的人员不在演示数据中。";
    public static string AccountFailed(string userName, string errors) => $"创建演示账号 {userName} 失败：{errors}";

    // The division data and the plan
    public static string NoDivisionFile(string file, string expected) => $"找不到行政区划数据文件 {file}（应在 {expected}）。";
    public static string BadDivisionLine(string line) => $"行政区划数据格式错误：{line}";
    public static string UnknownDivisionLevel(string level) => $"行政区划数据中有未知层级“{level}”。";
    public static string ParentAfterChild(string name, string parent) => $"行政区划数据中“{name}”的上级 {parent} 不在它之前。";
    public static string WrongVillageCount(int expected, int found) => $"行政区划数据应有 {expected} 个村社区（演示数据的 2019 年数字按此设定），现有 {found} 个。";
    public static string TooManyCopies(string district) => $"{district}的村社区太多，放不下这么多副本。";
    public const string IdNumbersExhausted = "演示数据的身份证号已用尽。";
    public static string PlanShort(string category, int needed, int left) => $"演示数据计划：{category} 需要 {needed} 人，只有 {left} 人。";
    public const string CertificatesLog = "结业证书：颁发 {Certificates} 份（已撤销 1 份）";
}
