using Training.Core.Domain;

namespace Training.Web.Features.Degree.Apply;

/// <summary>What the trainee reads on the application pages, in one place so that the wording can be reviewed.</summary>
public static class ApplyTexts
{
    public const string NoPerson = "您的账号尚未绑定人员档案，请联系所在村（社区）党组织。";
    public const string NoOffer = "请选择本批次开设的专业。";
    public const string ReviewNext = "报名已提交，请等待镇（街）组织办审核。";

    public static string Closed(string cohortName, DateOnly applyTo) => $"{cohortName}报名已于 {applyTo:yyyy年M月d日} 截止。";

    public static string Opens(DateOnly applyFrom) => $"将于 {applyFrom:yyyy年M月d日} 开始报名";

    public const string Created = "报名草稿已保存。请核对信息，然后点击“提交报名”。";
    public const string Exists = "您已有一个进行中的报名（同一时间只能有一个），已为您打开。";
    public const string Cancelled = "报名已撤回。";
    public const string ProgramChanged = "报读专业已修改。";

    /// <summary>Guangzhou wall-clock time of a UTC instant.</summary>
    public static string Local(DateTime utc) => Infrastructure.ChinaTime.Format(utc);

    public static string StateClass(EnrollmentState s) => s switch
    {
        EnrollmentState.Admitted or EnrollmentState.Graduated => "badge badge-ok",
        EnrollmentState.Rejected or EnrollmentState.Cancelled or EnrollmentState.Withdrawn => "badge badge-off",
        _ => "badge",
    };
}
