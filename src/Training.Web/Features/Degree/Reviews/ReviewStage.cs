using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Reviews;

/// <summary>
/// Which step of the review is the signed-in reviewer's (PRODUCT.md §5): the township reviews
/// what was submitted, the district what the township approved, the city admits what the
/// district approved. A reviewer acts only on applications waiting at its own step.
/// </summary>
public sealed record ReviewStage(OrgLevel Level, EnrollmentState Waiting, string ApproveLabel, bool MayBulkApprove)
{
    public const string Reviewers = $"{Roles.TownshipStaff},{Roles.DistrictStaff},{Roles.CityAdmin}";

    public static ReviewStage? For(CurrentUser me) =>
        me.IsIn(Roles.CityAdmin) ? new(OrgLevel.City, EnrollmentState.DistrictApproved, DegreeTexts.AdmitAction, true)
        : me.IsIn(Roles.DistrictStaff) ? new(OrgLevel.District, EnrollmentState.TownshipApproved, DegreeTexts.DistrictApproveAction, true)
        : me.IsIn(Roles.TownshipStaff) ? new(OrgLevel.Township, EnrollmentState.Submitted, DegreeTexts.TownshipApproveAction, false)
        : null;

    /// <summary>The wrong level or a state that moved on is a broken rule, told in Chinese, never a 500.</summary>
    public void RequireTurn(EnrollmentState state)
    {
        if (state != Waiting)
            throw new DomainException(DegreeTexts.NotYourTurn(state, StepName));
    }

    public string StepName => Level switch
    {
        OrgLevel.City => DegreeTexts.CityStep,
        OrgLevel.District => DegreeTexts.DistrictStep,
        _ => DegreeTexts.TownshipStep,
    };
}
