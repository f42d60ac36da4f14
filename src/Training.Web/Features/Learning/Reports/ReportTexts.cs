namespace Training.Web.Features.Learning.Reports;

/// <summary>What the learning report (学习统计), its lists and the staff home card say, in one place for review.</summary>
public static class ReportTexts
{
    public const string MenuReport = "学习统计";
    public const string VerbHelp = "learning-figures  按学时记录重算学时汇总（每晚自动运行）";
    public const string VerbUsage = "用法：learning-figures（不带参数）";
    public static string Rebuilt(int rows, double seconds) => $"学时汇总已重算：{rows:N0} 行，用时 {seconds:0.00} 秒。";
    public const string NotKeptLog = "学习统计已按学时记录算出，但 {Rows} 个单位 {Year} 年的结果未能保存，下次查看时将重新计算";
    public const string RebuiltLog = "学时汇总已按学时记录重算：{Rows} 行；本年学习统计已按单位重算：{Units} 个单位";

    /// <summary>The name of a figure (the persons list's title and the report's labels).</summary>
    public static string Name(this LearningFigure f) => f switch
    {
        LearningFigure.Learners => "应学人数",
        LearningFigure.Cadres => "两委干部",
        LearningFigure.Reserves => "后备干部",
        LearningFigure.Members => "党员",
        LearningFigure.Reached => "达标人数",
        LearningFigure.NotReached => "未达标人数",
        LearningFigure.NotStarted => "未开始学习人数",
        LearningFigure.Overdue => "学习任务逾期人数",
        _ => f.ToString(),
    };

    public static string Title(string unit, int year) => $"{unit} · {year} 年学习统计";
    public static string PeopleTitle(string figure, string unit, int year) => $"{unit} · {year} 年 · {figure}";
    public static string AsOf(DateOnly day) => $"人员类别按 {day:yyyy-MM-dd} 计算，学时按自然年累计（含冲销）。";
    public const string MonthsSeries = "学时";
    public static string Month(int month) => $"{month}月";
    public static string MonthsCaption(int year) => $"{year} 年各月学时合计";
    public const string MonthsLabel = "各月学时合计的柱状图";

    // Home card
    public static string CardTitle(int year) => $"{year} 年学习情况";
    public const string CardOverdue = "学习任务逾期", CardNotStarted = "未开始学习", CardLink = "查看学习统计 ›";
}
