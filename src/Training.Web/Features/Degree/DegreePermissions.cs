using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Degree;

public static class DegreePermissions
{
    public const string Apply = "Degree.Apply";
    public const string Review = "Degree.Review";
    public const string Enrollments = "Degree.Enrollments";
    public const string Totals = "Degree.Totals";
    public const string Catalog = "Degree.Catalog";
    public const string Registrar = "Degree.Registrar";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Apply, DegreeTexts.ApplyPermission, [Roles.Trainee]),
        new(Review, DegreeTexts.ReviewPermission, RoleSets.TownshipAndAbove),
        new(Enrollments, DegreeTexts.EnrollmentsPermission, RoleSets.TownshipAndAbove),
        new(Totals, DegreeTexts.TotalsPermission, RoleSets.DistrictAndCity),
        new(Catalog, DegreeTexts.CatalogPermission, RoleSets.CityOnly),
        new(Registrar, DegreeTexts.RegistrarPermission, [Roles.SchoolRegistrar]),
    ];
}
