using Training.Core.Domain;

namespace Training.Web.Features.Degree;

/// <summary>What the degree pages say to their users (trainees, reviewers, schools, the city), in one place to be reviewed.</summary>
public static class DegreeTexts
{
    /// <summary>A review step done: "何嘉明：镇街审核通过，当前状态“待区审核”。"</summary>
    public static string Decided(string name, EnrollmentTransition step) => $"{name}：{step.Action.Name()}，当前状态“{step.To.Name()}”。";

    public const string PickToApprove = "请先勾选要通过的报名。";
}
