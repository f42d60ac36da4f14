using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.DataExchange;

public static class DataExchangePermissions
{
    public const string Export = "DataExchange.Export";
    public const string ImportRoster = "DataExchange.ImportRoster";
    public const string ImportRuns = "DataExchange.ImportRuns";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Export, DataExchangeTexts.ExportPermission, RoleSets.OrgStaff),
        new(ImportRoster, DataExchangeTexts.ImportRosterPermission, RoleSets.CityOnly),
        new(ImportRuns, DataExchangeTexts.ImportRunsPermission, [Roles.CityAdmin, Roles.DistrictStaff, Roles.SchoolRegistrar]),
    ];
}
