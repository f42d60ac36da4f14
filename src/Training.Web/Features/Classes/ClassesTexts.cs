using Training.Core.Domain;

namespace Training.Web.Features.Classes;

/// <summary>What the class pages say to their users, in one place to be reviewed.</summary>
public static class ClassesTexts
{
    // Menu, permissions
    public const string MenuMine = "我的培训班", MenuClasses = "培训班";
    public const string ViewPermission = "培训班（本辖区）", ManagePermission = "开办培训班、报名、考勤", MinePermission = "我的培训班";

    // The class form
    public const string AnySex = "不限", WomenOnly = "仅限女性", MenOnly = "仅限男性";
    public const string Capacity = "人数上限", CompletionPercent = "结业出勤率";
    public const string SexOnlyInvalid = "性别要求只能是不限、仅限女性或仅限男性。";
    public const string ChooseAudience = "请选择招收对象。";
    public const string NameRequired = "请填写培训班名称。";
    public static string Describe(string name, DateOnly start, DateOnly end, int capacity, string audience, int percent) =>
        $"{name}，{start:yyyy-MM-dd} 至 {end:yyyy-MM-dd}，{capacity} 人，{audience}，结业出勤率 {percent}%";
    public static string YearOutOfRange(int asked, int min, int max) => $"年度 {asked} 不在 {min}–{max} 之间，已显示全部年度。";

    // The trainee's attendance marks
    public const string Present = "出勤", Absent = "缺勤", NotRecorded = "未登记", NotStarted = "未开始";

    // Audit
    public const string CreatedAudit = "新建培训班", ChangedAudit = "修改培训班", AttendanceAudit = "登记考勤";
    public const string EnrolledAudit = "培训班报名", UnenrolledAudit = "培训班取消报名", SessionAddedAudit = "添加培训班课次", SessionRemovedAudit = "删除培训班课次";
    public static string OfClass(string className, string detail) => $"{className}：{detail}";
    public static string PersonDetail(string name, string maskedIdNumber) => $"{name}（{maskedIdNumber}）";
    public static string SessionDetail(DateOnly on, string? title) => $"{on:yyyy-MM-dd} {title}";
    public static string AttendanceDetail(string className, int id, DateOnly on, string? title, string summary) => $"{className}（第 {id} 号）{on:yyyy-MM-dd} {title}：{summary}";
    public static string Changed(string before, string after) => $"{before} → {after}";

    public const string PersonNotFound = "未找到该人员，或不在您的管辖范围内。";
    public const string NoneWithIdNumber = "没有找到该身份证号的人员（或不在本班招收范围、您的管辖范围内）。";
    public const string SessionDate = "课次日期";
    public const string UnmarkedReason = "考勤改为缺勤";

    public static string Created(string name) => $"已新建培训班“{name}”，请添加课次并报名学员。";
    public static string Saved(string name) => $"已保存培训班“{name}”。";
    public static string SessionAdded(ClassSession s) => $"已添加课次：{s.On:yyyy-MM-dd} {s.Title}。";
    public static string SessionRemoved(ClassSession s) => $"已删除课次：{s.On:yyyy-MM-dd} {s.Title}。";
    public static string Enrolled(Person p, TrainingClass c) => $"已为{p.Name}报名“{c.Name}”（{c.Participants.Count}/{c.Capacity} 人）。";
    public static string Unenrolled(Person p) => $"已取消{p.Name}的报名。";
    public static string AttendanceSummary(int present, int absent) => $"出勤 {present} 人，缺勤 {absent} 人";
    public static string AttendanceSaved(string summary) => $"已保存考勤：{summary}。";
}
