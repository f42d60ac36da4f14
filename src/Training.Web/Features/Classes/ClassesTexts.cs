using Training.Core.Domain;

namespace Training.Web.Features.Classes;

/// <summary>What the class pages say to their users, in one place to be reviewed.</summary>
public static class ClassesTexts
{
    public const string PersonNotFound = "未找到该人员，或不在您的管辖范围内。";
    public const string NoneWithIdNumber = "没有找到该身份证号的人员（或不在本班招收范围、您的管辖范围内）。";
    public const string SessionDate = "课次日期";

    public static string Created(string name) => $"已新建培训班“{name}”，请添加课次并报名学员。";
    public static string Saved(string name) => $"已保存培训班“{name}”。";
    public static string SessionAdded(ClassSession s) => $"已添加课次：{s.On:yyyy-MM-dd} {s.Title}。";
    public static string SessionRemoved(ClassSession s) => $"已删除课次：{s.On:yyyy-MM-dd} {s.Title}。";
    public static string Enrolled(Person p, TrainingClass c) => $"已为{p.Name}报名“{c.Name}”（{c.Participants.Count}/{c.Capacity} 人）。";
    public static string Unenrolled(Person p) => $"已取消{p.Name}的报名。";
    public static string AttendanceSummary(int present, int absent) => $"出勤 {present} 人，缺勤 {absent} 人";
    public static string AttendanceSaved(string summary) => $"已保存考勤：{summary}。";
}
