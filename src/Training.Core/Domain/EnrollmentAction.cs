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
