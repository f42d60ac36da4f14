using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Statistics;

public static class StatisticsPermissions
{
    public const string View = "Statistics.View";
    public const string Report = "Statistics.Report";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(View, "统计（本辖区）", RoleSets.OrgStaff),
        new(Report, "导出统计报表", RoleSets.DistrictAndCity),
    ];
}
