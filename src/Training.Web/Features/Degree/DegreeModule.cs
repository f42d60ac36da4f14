using Training.Web.Features.Degree.Graduation;
using Training.Web.Features.Degree.Home;
using Training.Web.Features.Degree.Reviews;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Degree;

/// <summary>
/// 羊城村官上大学, the degree programme: Catalog/ (schools, programs, cohorts, quotas, fees),
/// Apply/ (the trainee applies), Reviews/ (township → district → city), Enrollments/ (study and
/// payments), School/ (the registrar: graduation, withdrawal), Graduation/ (the school's
/// graduation list, served at /Import/Graduation).
/// </summary>
public sealed class DegreeModule : TrainingModule
{
    public override string Folder => "Degree";

    public override IReadOnlyList<PageFolder> Pages => [new("", "/"), new("Graduation", "/Import/Graduation")];

    public override IReadOnlyList<Permission> Permissions => DegreePermissions.All;

    public override IReadOnlyList<MenuEntry> Menu =>
    [
        new(DegreeTexts.MenuApply, "/Degree/Apply/Index", DegreePermissions.Apply, 10, Primary: true),
        new(DegreeTexts.MenuReviews, "/Degree/Reviews/Index", DegreePermissions.Review, 10, Primary: true),
        new(DegreeTexts.MenuSchool, "/Degree/School/Index", DegreePermissions.Registrar, 10, Primary: true),
        new(DegreeTexts.MenuGraduation, "/Degree/Graduation/Index", DegreePermissions.Registrar, 20, Primary: true),
        new(DegreeTexts.MenuEnrollments, "/Degree/Enrollments/Index", DegreePermissions.Enrollments, 40),
        new(DegreeTexts.MenuCatalog, "/Degree/Catalog/Index", DegreePermissions.Catalog, 60),
    ];

    public override IReadOnlyList<HomeCard> HomeCards =>
    [
        new(typeof(SchoolCard), DegreePermissions.Registrar, 10),
        new(typeof(TraineeStudyCard), DegreePermissions.Apply, 20),
        new(typeof(ReviewsWaitingCard), DegreePermissions.Review, 30),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<EligibilityQuery>();
        services.AddScoped<QuotaQuery>();
        services.AddScoped<INotificationSender, InAppNotifications>();
        services.AddScoped<ReviewWorkflow>();
        services.AddScoped<GraduationImport>();
    }
}
