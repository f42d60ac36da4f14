namespace Training.Core.Domain;

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
