namespace Training.Core.Domain;

/// <summary>An application becomes an enrollment at admission; one row carries both stages (PRODUCT.md §5).</summary>
public enum EnrollmentState
{
    Draft = 1,
    Submitted = 2,
    TownshipApproved = 3,
    DistrictApproved = 4,
    Admitted = 5,
    Graduated = 6,
    Withdrawn = 7,
    Rejected = 8,
    Cancelled = 9,
}
