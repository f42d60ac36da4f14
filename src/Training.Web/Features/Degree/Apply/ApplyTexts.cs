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

    /// <summary>The message after a redirect (?m=…): a code in the URL, never personal data.</summary>
    public static string? Flash(string? code) => code switch
    {
        "created" => "报名草稿已保存。请核对信息，然后点击“提交报名”。",
        "exists" => "您已有一个进行中的报名（同一时间只能有一个），已为您打开。",
        "submitted" => ReviewNext,
        "cancelled" => "报名已撤回。",
        "program" => "报读专业已修改。",
        "read" => "通知已标为已读。",
        _ => null,
    };

    /// <summary>Guangzhou wall-clock time of a UTC instant.</summary>
    public static string Local(DateTime utc) => Infrastructure.ChinaTime.Format(utc);

    public static string StateClass(EnrollmentState s) => s switch
    {
        EnrollmentState.Admitted or EnrollmentState.Graduated => "badge badge-ok",
        EnrollmentState.Rejected or EnrollmentState.Cancelled or EnrollmentState.Withdrawn => "badge badge-off",
        _ => "badge",
    };
}
