namespace Training.Web.Features.Statistics.Export;

/// <summary>The report's layout as IMPORT-EXPORT.md fixes it: its file name, sheet names and headers, in order.</summary>
public sealed partial class StatisticsReport
{
    /// <summary>培训统计_440100_20261125.xlsx</summary>
    public static string FileName(string scopeCode, DateOnly asOf) => $"培训统计_{scopeCode}_{asOf:yyyyMMdd}.xlsx";

    public const string SummarySheet = "汇总";
    public const string DistrictsSheet = "分区统计";
    public const string TownshipsSheet = "分镇街统计";
    public const string LearningSheet = "学时统计";
    public const string CohortYearsSheet = "年度招生";
    public const string EnrollmentsSheet = "报名名单";

    public static readonly string[] SummaryHeaders = ["指标", "数值"];
    public const string ScopeLabel = "统计范围";
    public const string AsOfLabel = "统计截止日期";
    public const string CodeHeader = "代码", NameHeader = "名称";

    /// <summary>The labels of 汇总 rows 4 to 18, which are also the figure columns of the breakdown sheet.</summary>
    public static readonly string[] FigureHeaders =
    [
        "累计参加学历教育人数",
        "累计毕业人数",
        "在读人数",
        "村(社区)党组织书记人数",
        "书记大专以上学历人数",
        "书记大专以上学历占比",
        "两委干部人数",
        "两委干部大专以上学历人数",
        "两委干部大专以上学历占比",
        "村级后备人选人数",
        "书记后备人选人数",
        "后备比例",
        "学员自付合计(元)",
        "财政补助合计(元)",
        "学校减免合计(元)",
    ];

    public static readonly string[] LearningHeaders = ["代码", "名称", "应学人数", "人均学时", "人均必修学时", "达标人数", "学时达标率", "未开始学习人数"];

    public static readonly string[] CohortYearHeaders = ["年度", "招生人数", "毕业人数", "毕业率", "在读人数"];

    public static readonly string[] EnrollmentHeaders =
        ["身份证号", "姓名", "村社区代码", "层次", "年度", "院校", "专业", "状态", "学费总额", "财政补助", "学校减免", "个人自付"];
}
