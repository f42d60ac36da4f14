namespace Training.Core.Domain;

public enum PaymentKind
{
    SelfPaid = 1,            // 学员自付（分期缴费）
    SubsidyDisbursement = 2, // 财政补助拨付给院校
}
