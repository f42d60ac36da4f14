using Training.Core.Domain;

namespace Training.Web.Features.Degree;

/// <summary>What the degree pages say to their users (trainees, reviewers, schools, the city), in one place to be reviewed.</summary>
public static class DegreeTexts
{
    /// <summary>A review step done: "何嘉明：镇街审核通过，当前状态“待区审核”。"</summary>
    public static string Decided(string name, EnrollmentTransition step) => $"{name}：{step.Action.Name()}，当前状态“{step.To.Name()}”。";

    public const string Graduated = "已登记毕业，学员的最高学历已相应更新。";
    public const string Withdrawn = "已登记退学。";
    public const string PaymentRecorded = "已登记学员缴费。";
    public const string SubsidyRecorded = "已登记财政补助拨付。";
    public const string SplitAdjusted = "已调整学费分担，并记入办理记录。";

    public static string OfferRemoved(string program) => $"已取消开设“{program}”。";

    public const string PickToApprove = "请先勾选要通过的报名。";
}
