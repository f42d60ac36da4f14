namespace Training.Core.Domain;

public static class EnrollmentStateNames
{
    public static string Name(this EnrollmentState s) => s switch
    {
        EnrollmentState.Draft => "草稿",
        EnrollmentState.Submitted => "已提交",
        EnrollmentState.TownshipApproved => "镇街已审核",
        EnrollmentState.DistrictApproved => "区已审核",
        EnrollmentState.Admitted => "已录取",
        EnrollmentState.Graduated => "已毕业",
        EnrollmentState.Withdrawn => "已退学",
        EnrollmentState.Rejected => "未通过",
        EnrollmentState.Cancelled => "已撤回",
        _ => s.ToString(),
    };

    /// <summary>States that block another application by the same person (one active application or enrollment at a time).</summary>
    public static bool IsActive(this EnrollmentState s) =>
        s is EnrollmentState.Draft or EnrollmentState.Submitted or EnrollmentState.TownshipApproved
            or EnrollmentState.DistrictApproved or EnrollmentState.Admitted;

    /// <summary>The same list as SQL, for the filtered unique index that enforces it in the database.</summary>
    public const string ActiveStatesSql = "[State] IN (1, 2, 3, 4, 5)";

    /// <summary>Waiting for a review step (township, district or city).</summary>
    public static bool IsUnderReview(this EnrollmentState s) =>
        s is EnrollmentState.Submitted or EnrollmentState.TownshipApproved or EnrollmentState.DistrictApproved;

    /// <summary>Reached admission (Admitted, Graduated or Withdrawn).</summary>
    public static bool ReachedAdmission(this EnrollmentState s) =>
        s is EnrollmentState.Admitted or EnrollmentState.Graduated or EnrollmentState.Withdrawn;
}
