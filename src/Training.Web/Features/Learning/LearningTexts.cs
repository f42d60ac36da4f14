using Training.Core.Domain;

namespace Training.Web.Features.Learning;

/// <summary>What the learning pages say to their users, in one place to be reviewed.</summary>
public static class LearningTexts
{
    // Menu, permissions
    public const string MenuStudy = "在线学习", MenuCourses = "课程管理", MenuHours = "我的学时";
    public const string AuthorPermission = "编写本单位课程、布置学习任务", StudyPermission = "在线学习", ReadPermission = "打开课程";
    public const string FollowPermission = "查看学习任务完成情况", MenuAssignments = "学习任务";
    public const string TargetsPermission = "设置年度学时目标", MenuTargets = "学时目标";
    public const string CorrectPermission = "查看人员学时、冲销学时记录";

    // 冲销学时
    public const string ReversedAudit = "冲销学时";
    public static string Reversed(string name, decimal hours) => $"已冲销{name}的 {LearningNames.HoursText(hours)} 学时。";
    public static string ReversalDetail(string name, DateOnly on, decimal hours, string source, string reason) =>
        $"{name}：{on:yyyy-MM-dd} {source} {LearningNames.HoursText(hours)} 学时，原因：{reason}";

    // 年度学时目标
    public const string TargetHours = "年度目标", TargetRequired = "其中必修";
    public const string TargetsAudit = "设置年度学时目标";
    public static string TargetsSaved(int year) => $"已保存 {year} 年学时目标。";
    public static string TargetsDetail(int year, IEnumerable<string> lines) => $"{year} 年：" + string.Join("，", lines);
    public static string TargetLine(string category, decimal hours, decimal required) => $"{category} {LearningNames.HoursText(hours)}（必修 {LearningNames.HoursText(required)}）";

    // Uploads
    public const string ChooseFile = "请选择要上传的文件。";
    public const string EmptyUpload = "上传的文件是空的。";
    public static string TooLarge(string max) => $"文件超过 {max}，请压缩后再上传。";
    public static string NotOfKind(string extension) => extension == ".pdf" ? "该文件不是 PDF 文件。" : "该文件不是 MP4 视频。";
    public const string PdfUnreadable = "无法读取该 PDF 文件的页数，请确认文件完整、未加密。";
    public const string VideoUnreadable = "无法从该视频读出时长，请上传完整的 MP4（H.264/AAC）文件。";

    // The course form
    public const string CourseTitle = "课程名称", Minutes = "学习时长（分钟）";
    public const string ChooseCategory = "请选择课程类别。";
    public const string DueOn = "完成期限", ChoosePersonCategory = "请选择人员类别。";
    public const string DrawCount = "每次抽题数", PassPercent = "及格分", MaxAttempts = "作答次数", TimeLimit = "限时（分钟）";

    // Course steps and their audit
    public const string CourseCreatedAudit = "新建课程", CourseChangedAudit = "修改课程", CoursePublishedAudit = "发布课程", CourseWithdrawnAudit = "下架课程";
    public const string LessonAddedAudit = "添加课时", LessonChangedAudit = "修改课时", LessonRemovedAudit = "删除课时", LessonMovedAudit = "调整课时顺序";
    public static string CourseLine(string title, string category) => $"{title}（{category}）";
    public const string DefaultQuizTitle = "课程测验";

    // 题库
    public const string ChooseQuestionKind = "请选择题型。";
    public const string AnswerUnreadable = "请用选项字母填写答案（如 A、AC）；判断题填“正确”或“错误”。";
    public const string QuestionAddedAudit = "添加题目", QuestionRemovedAudit = "删除题目";
    public static string QuestionAdded(int count) => $"已添加题目，题库现有 {count} 题。";
    public const string QuestionRemoved = "已删除题目。";
    public const string QuestionInUse = "该题已被学员的测验抽到，不能删除。";
    public const string LessonNotInCourse = "该课时不属于本课程，请刷新页面。";
    public static string OfCourse(string course, string detail) => $"{course}：{detail}";
    public static string CourseCreated(string title) => $"已新建课程“{title}”，请添加课时。";
    public static string CourseChanged(string title) => $"已保存课程“{title}”。";
    public static string CoursePublished(string title) => $"课程“{title}”已发布，学员现在可以学习。";
    public static string CourseWithdrawn(string title) => $"课程“{title}”已下架，已计入的学时不受影响。";
    public static string LessonAdded(Lesson l) => $"已添加课时“{l.Title}”（{l.Kind.Name()}，{LearningNames.Duration(l.DurationSeconds)}）。";
    public static string LessonChanged(string title) => $"已保存课时“{title}”。";
    public static string LessonRemoved(string title) => $"已删除课时“{title}”。";
    public static string LessonMoved(string title) => $"已调整课时“{title}”的顺序。";
    public static string LessonDetail(Lesson l) => $"第 {l.Order} 课 {l.Title}（{l.Kind.Name()}，{LearningNames.Duration(l.DurationSeconds)}，{(l.Optional ? "选学" : "必学")}）";
}
