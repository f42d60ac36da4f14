using Training.Core.Domain;

namespace Training.Web.Features.Learning.Assignments;

/// <summary>What the assignment pages say, in one place to be reviewed.</summary>
public static class AssignmentTexts
{
    public const string CreatedAudit = "布置学习任务", CancelledAudit = "撤销学习任务";
    public const string ChooseTarget = "请选择布置对象。", ChooseCohort = "请选择招生批次。", ChooseClass = "请选择培训班。", ChooseUnit = "请选择单位。";
    public const string ChooseCourse = "请选择已发布的课程。";
    public static string Created(IReadOnlyList<string> courses, string target) =>
        courses.Count == 1 ? $"已将课程“{courses[0]}”布置给{target}。" : $"已将 {courses.Count} 门课程（{string.Join("、", courses)}）布置给{target}。";
    public static string Cancelled(string course) => $"已撤销课程“{course}”的学习任务，已完成的学时保留。";

    public static string TargetName(this AssignmentTarget t) => t switch
    {
        AssignmentTarget.Cohort => "招生批次的在读学员",
        AssignmentTarget.ReservePool => "后备干部库",
        AssignmentTarget.Class => "培训班学员",
        _ => "本辖区某类人员",
    };

    public static string Name(this AssignedCategory c) => c switch
    {
        AssignedCategory.TwoCommitteeCadre => "两委干部",
        AssignedCategory.PartySecretary => "党组织书记",
        AssignedCategory.Reserve => "后备干部",
        _ => "党员",
    };

    /// <summary>"白云区的两委干部", "2026年农村女干部培训班的学员" …: whom an assignment gives its course to.</summary>
    public static string Describe(AssignmentTarget target, string? unit, AssignedCategory? category, string? cohort, string? className) => target switch
    {
        AssignmentTarget.Cohort => $"{cohort}的在读学员",
        AssignmentTarget.Class => $"{className}的学员",
        AssignmentTarget.ReservePool => $"{unit}后备干部库的人选",
        _ => $"{unit}的{category?.Name()}",
    };

    public const string Required = "必修", Elective = "选修";
    public static string AuditDetail(string target, bool required, DateOnly start, DateOnly due) =>
        $"{target}，{(required ? Required : Elective)}，{start:yyyy-MM-dd} 至 {due:yyyy-MM-dd}";

    // Where a person stands
    public const string Completed = "已完成", InProgress = "学习中", NotStarted = "未开始", Overdue = "已逾期";
}
