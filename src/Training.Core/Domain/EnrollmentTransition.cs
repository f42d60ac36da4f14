namespace Training.Core.Domain;

public enum EnrollmentAction
{
    Submit = 1,
    ApproveByTownship = 2,
    ApproveByDistrict = 3,
    Admit = 4,
    Return = 5,
    Reject = 6,
    Cancel = 7,
    Graduate = 8,
    Withdraw = 9,
    AdjustSplit = 10,
}

public static class EnrollmentActionNames
{
    public static string Name(this EnrollmentAction a) => a switch
    {
        EnrollmentAction.Submit => "提交报名",
        EnrollmentAction.ApproveByTownship => "镇（街）审核通过",
        EnrollmentAction.ApproveByDistrict => "区审核通过",
        EnrollmentAction.Admit => "市录取",
        EnrollmentAction.Return => "退回修改",
        EnrollmentAction.Reject => "不予通过",
        EnrollmentAction.Cancel => "学员撤回",
        EnrollmentAction.Graduate => "毕业",
        EnrollmentAction.Withdraw => "退学",
        EnrollmentAction.AdjustSplit => "调整学费分担",
        _ => a.ToString(),
    };
}

/// <summary>One step of an application's life: who, when, from which state to which, and the comment.</summary>
public class EnrollmentTransition
{
    private EnrollmentTransition() { Actor = Comment = ""; }

    internal EnrollmentTransition(EnrollmentAction action, EnrollmentState from, EnrollmentState to,
        string actor, string comment, DateOnly on, DateTime at)
    {
        Action = action;
        From = from;
        To = to;
        Actor = actor;
        Comment = comment;
        On = on;
        At = at;
    }

    public long Id { get; private set; }
    public int EnrollmentId { get; private set; }
    public EnrollmentAction Action { get; private set; }
    public EnrollmentState From { get; private set; }
    public EnrollmentState To { get; private set; }
    /// <summary>The acting account's user name (and display name), never a personal ID.</summary>
    public string Actor { get; private set; }
    public string Comment { get; private set; }
    /// <summary>The Guangzhou calendar day of the step: what the statistics of §8 date it by.</summary>
    public DateOnly On { get; private set; }
    public DateTime At { get; private set; }
}
