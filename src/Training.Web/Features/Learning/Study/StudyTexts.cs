using Training.Core.Domain;

namespace Training.Web.Features.Learning.Study;

/// <summary>What the learner's pages and the heartbeat say, in one place to be reviewed.</summary>
public static class StudyTexts
{
    public const string RecordedByCourse = "在线课程（系统计入）";

    // Heartbeat answers (JSON, for the player and other clients)
    public const string BadHeartbeat = "学习记录格式不正确。";
    public const string UnknownPlayback = "学习记录不存在，请重新打开课时。";
    public const string Superseded = "您已在其他页面或设备上打开了课程，本页不再计时。";
    public const string HeartbeatConflict = "学习记录正在更新，请稍候。";

    // 已学完
    public static string NeedMoreTime(double seconds) => $"还需学习约 {Math.Max(1, (int)Math.Ceiling(seconds / 60))} 分钟才能标记为已学完（页面在前台显示时才计时）。";
    public const string MarkedRead = "已学完本课时。";
    public static string CourseCompleted(string title, decimal hours) => $"恭喜！您已完成课程“{title}”，计入 {LearningNames.HoursText(hours)} 学时。";
    public const string NotPublished = "该课程已下架，不能继续学习。";

    // Quizzes
    public static string QuizStarted(int number) => $"第 {number} 次测验开始，请认真作答。";
    public static string QuizScored(int score, bool passed) => passed ? $"得分 {score} 分，已通过测验。" : $"得分 {score} 分，未达到及格分。";
    public const string QuizLate = "已超过限时，本次作答不计分。";

    // Status words
    public const string NotStarted = "未开始", InProgress = "学习中", Completed = "已完成";
    public static string Percent(double part, double whole) => whole <= 0 ? "" : $"{Math.Min(100, (int)Math.Floor(part * 100 / whole))}%";
}
