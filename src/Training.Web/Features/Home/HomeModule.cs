using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Home;

/// <summary>
/// The signed-in home page (each role's work, with the cards other modules add), 全部功能 (every
/// menu entry the account may open: the phone's way to everything), the error page, and the
/// maintenance page (background jobs, for CityAdmin).
/// </summary>
public sealed class HomeModule : TrainingModule
{
    public override string Folder => "Home";

    public override IReadOnlyList<Permission> Permissions => HomePermissions.All;

    public override IReadOnlyList<MenuEntry> Menu =>
    [
        new(HomeTexts.MenuMaintenance, "/Home/Maintenance", HomePermissions.Maintenance, 99),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<RecurringJobsView>();
}
