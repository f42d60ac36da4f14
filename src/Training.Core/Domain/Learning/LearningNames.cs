namespace Training.Core.Domain;

/// <summary>The Chinese names of the learning enums, as every page and sheet shows them.</summary>
public static class LearningNames
{
    public static readonly IReadOnlyList<CourseCategory> Categories = Enum.GetValues<CourseCategory>();

    public static string Name(this CourseCategory c) => c switch
    {
        CourseCategory.PoliticalTheory => "政治理论",
        CourseCategory.PartyBuilding => "党的建设",
        CourseCategory.RuralRevitalisation => "乡村振兴",
        CourseCategory.GrassrootsGovernance => "基层治理",
        CourseCategory.LawsAndRegulations => "法律法规",
        CourseCategory.DegreeTutoring => "学历教育辅导",
        _ => "综合素养",
    };

    public static string Name(this CourseState s) => s switch
    {
        CourseState.Draft => "草稿",
        CourseState.Published => "已发布",
        _ => "已下架",
    };

    public static string Name(this LessonKind k) => k switch
    {
        LessonKind.Text => "文本",
        LessonKind.File => "文件",
        LessonKind.Video => "视频",
        LessonKind.ExternalVideo => "外链视频",
        _ => "测验",
    };

    public static string Name(this StudySource s) => s switch
    {
        StudySource.OnlineCourse => "在线课程",
        StudySource.Quiz => "测验",
        StudySource.Class => "培训班",
        _ => "线下培训",
    };

    public static string Name(this TargetCategory c) => c switch
    {
        TargetCategory.TwoCommitteeCadre => "两委干部",
        TargetCategory.Reserve => "后备干部",
        _ => "党员",
    };

    /// <summary>"45 分钟", "1 小时 5 分钟", "30 秒": a duration as a learner reads it.</summary>
    public static string Duration(int seconds) => seconds switch
    {
        <= 0 => "—",
        < 60 => $"{seconds} 秒",
        < 3600 => $"{(seconds + 30) / 60} 分钟",
        _ => (seconds + 30) / 60 % 60 == 0 ? $"{(seconds + 30) / 3600} 小时" : $"{(seconds + 30) / 3600} 小时 {(seconds + 30) / 60 % 60} 分钟",
    };

    /// <summary>学时 as shown everywhere: "1", "0.5", "0.25", "2.75" (no trailing zeros).</summary>
    public static string HoursText(decimal hours) => hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
