using Training.Web.Features.Reserves.Coverage;
using Training.Web.Features.Reserves.Home;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Reserves;

/// <summary>
/// The village reserve cadre pool: the candidates and their workflow 村推 → 镇选 → 区考察 (the
/// module folder, at /Reserves), Coverage/ (the 1:2 rule, key posts), Mentoring/ (结对帮带, at
/// /Mentoring) and Shadowing/ (跟班学习, at /Shadowing).
/// </summary>
public sealed class ReservesModule : TrainingModule
{
    public override string Folder => "Reserves";

    public override IReadOnlyList<PageFolder> Pages =>
        [new("", "/Reserves"), new("Mentoring", "/Mentoring"), new("Shadowing", "/Shadowing")];

    public override IReadOnlyList<Permission> Permissions => ReservesPermissions.All;

    public override IReadOnlyList<MenuEntry> Menu =>
    [
        new(ReservesTexts.MenuReserves, "/Reserves/Index", ReservesPermissions.View, 12, Primary: true),
    ];

    public override IReadOnlyList<HomeCard> HomeCards =>
    [
        new(typeof(ReservesTodoCard), ReservesPermissions.View, 40),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ReserveWorkflow>();
        services.AddScoped<CoverageQuery>();
    }
}
