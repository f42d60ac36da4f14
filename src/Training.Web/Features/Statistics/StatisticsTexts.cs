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

    // 导出统计报表
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
