using Training.Core.Domain;
using static Training.Core.Domain.LearningNames;

namespace Training.Web.Features.Classes.Graduation;

/// <summary>What the graduation conditions and a participant's checklist say.</summary>
public static class GraduationTexts
{
    public const string ConditionsTitle = "结业条件";
    public const string ConditionsAudit = "设置培训班结业条件";
    public const string RequiredHours = "必修学时", ElectiveHours = "选修学时";
    public const string RequiredCourses = "须完成的课程", RequiredQuizzes = "须通过的测验";
    public const string HoursHint = "培训班起止日期内取得的学时（含考勤学时）；不要求可留空。";
    public const string NoCourses = "本单位及上级还没有已发布的课程。", NoQuizzes = "已发布的课程中还没有测验。";
    public const string NoConditions = "未设置结业条件，请添加课次或设置以下条件。";
    public const string Met = "已达到", NotMet = "未达到";
    public const string UnknownChoice = "所选课程或测验已不存在或已下架，请刷新后重新选择。";

    public static string QuizItem(string course, string quiz) => $"{course} · {quiz}";

    public static string Saved(string className) => $"已保存“{className}”的结业条件。";

    public static string Describe(decimal? required, decimal? elective, IEnumerable<string> courses, IEnumerable<string> quizzes)
    {
        var parts = new List<string>();
        if (required is { } r) parts.Add($"必修 {HoursText(r)} 学时");
        if (elective is { } e) parts.Add($"选修 {HoursText(e)} 学时");
        var c = courses.ToList();
        if (c.Count > 0) parts.Add("课程：" + string.Join("、", c));
        var q = quizzes.ToList();
        if (q.Count > 0) parts.Add("测验：" + string.Join("、", q));
        return parts.Count == 0 ? "无（仅出勤）" : string.Join("；", parts);
    }

    /// <summary>The line of the checklist: what is asked.</summary>
    public static string Asked(GraduationCheck c, int completionPercent, int sessions) => c.Condition switch
    {
        GraduationCondition.Attendance => $"出勤率达到 {completionPercent}%（{sessions} 次课中至少 {c.Need:0} 次）",
        GraduationCondition.RequiredHours => $"培训期间取得必修学时 {HoursText(c.Need)}",
        GraduationCondition.ElectiveHours => $"培训期间取得选修学时 {HoursText(c.Need)}",
        GraduationCondition.Course => $"完成课程“{c.Item!.Name}”",
        _ => $"通过测验“{c.Item!.Name}”",
    };

    /// <summary>Where the participant stands on it: done, or what is still missing.</summary>
    public static string Standing(GraduationCheck c) => c.Condition switch
    {
        GraduationCondition.Attendance => c.Met ? $"已出勤 {c.Have:0} 次" : $"已出勤 {c.Have:0} 次，还差 {c.Missing:0} 次",
        GraduationCondition.RequiredHours or GraduationCondition.ElectiveHours =>
            c.Met ? $"已取得 {HoursText(c.Have)}" : $"已取得 {HoursText(c.Have)}，还差 {HoursText(c.Missing)}",
        GraduationCondition.Course => c.Met ? "已完成" : "未完成",
        _ => c.Met ? "已通过" : "未通过",
    };

    /// <summary>For staff: how many conditions are still missing.</summary>
    public static string MissingCount(int missing) => missing == 0 ? "" : $"差 {missing} 项";
}
