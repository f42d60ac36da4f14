using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Statistics;

public static class StatisticsPermissions
{
    public const string View = "Statistics.View";
    public const string Report = "Statistics.Report";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(View, StatisticsTexts.ViewPermission, RoleSets.OrgStaff),
        new(Report, StatisticsTexts.ReportPermission, RoleSets.DistrictAndCity),
    ];
}
