namespace Training.Web.Features.Statistics;

/// <summary>
/// What the statistics pages, charts and the <c>export-stats</c> verb say, in one place for review.
/// The report workbook's sheet names and column headers are its file layout and stay with
/// <see cref="Export.StatisticsReport"/>.
/// </summary>
public static class StatisticsTexts
{
    /// <summary>The name of a figure that stands for a list of persons (the drill-down page's title).</summary>
    public static string Name(this Figure f) => f switch
    {
        Figure.Participants => "累计参加学历教育人数",
        Figure.Graduates => "累计毕业人数",
        Figure.InStudy => "在读人数",
        Figure.Secretaries => "村(社区)党组织书记人数",
        Figure.SecretariesAssociateOrAbove => "书记大专以上学历人数",
        Figure.TwoCommitteeCadres => "两委干部人数",
        Figure.TwoCommitteeAssociateOrAbove => "两委干部大专以上学历人数",
        Figure.ReservesInPool => "村级后备人选人数",
        Figure.SecretaryReserves => "书记后备人选人数",
        _ => f.ToString(),
    };

    // Charts of the dashboard
    public const string SecretaryShareSeries = "书记大专以上学历占比（%）";
    public const string TwoCommitteeShareSeries = "两委干部大专以上学历占比（%）";
    public const string AdmittedSeries = "招生人数";
    public const string GraduatedSeries = "毕业人数";
    public const string GraduationRateSeries = "毕业率（%）";
    public const string ReserveRatioSeries = "后备比例（后备人选 ÷ 关键岗位）";

    // Menu, permissions, verbs
    public const string MenuStatistics = "统计", MenuReport = "导出报表";
    public const string ViewPermission = "统计（本辖区）", ReportPermission = "导出统计报表";
    public const string VerbHelp = "export-stats [--scope 代码] [--as-of yyyy-MM-dd] [--out 文件] [--masked]  导出统计报表（默认全市、今天，文件名 培训统计_<代码>_<日期>.xlsx；--masked 脱敏身份证号）";

    // Snapshots
    public const string TriggerNightly = "每日定时";
    public const string TriggerImport = "导入后";
    public const string SnapshotLog = "统计快照 {AsOf} 已生成：{Count} 个单位（{Trigger}）";
    public const string SnapshotAudit = "统计快照";
    public static string SnapshotRequested(DateOnly asOf) => $"立即计算截至 {asOf:yyyy-MM-dd} 的统计快照";

    // 导出统计报表
    public const string ScopeLabel = "统计范围";
    public const string AsOfLabel = "统计截止日期";
    public const string ReportAudit = "导出统计报表";
    public static string ReportExported(string scope, DateOnly asOf, bool masked) =>
        $"{scope}，截止 {asOf:yyyy-MM-dd}，{(masked ? "身份证号已脱敏" : "含完整身份证号")}";
    public static string ReportWrittenTo(string scope, DateOnly asOf, bool masked, string fileName) =>
        $"{ReportExported(scope, asOf, masked)}，文件 {fileName}";
    public const string ScopeRequired = "请选择统计范围。";
    public const string AsOfRequired = "请选择统计截止日期。";

    // export-stats
    public const string VerbUsage = "用法：export-stats [--scope 代码] [--as-of yyyy-MM-dd] [--out 文件] [--masked]";

    public static string UnknownOption(string option) => $"不认识的参数“{option}”。{VerbUsage}";

    public static string MissingValue(string option) => $"参数 {option} 缺少取值。{VerbUsage}";

    public static string InvalidAsOf(string text) => $"统计截止日期“{text}”无效，应为 yyyy-MM-dd 格式，例如 2019-12-31。";

    public static string NoSuchScope(string code, string cityCode) => $"统计范围“{code}”不存在：应为市或区的代码（例如 {cityCode} 或 440111）。";

    public static string ReportWritten(string scope, DateOnly asOf, string path) => $"已导出{scope}截至 {asOf:yyyy-MM-dd} 的统计报表：{path}";
}
