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
        new(Export, "数据导出（报名名单、人员花名册）", RoleSets.OrgStaff),
        new(ImportRoster, "导入花名册", RoleSets.CityOnly),
        new(ImportRuns, "查看自己单位的导入结果", [Roles.CityAdmin, Roles.SchoolRegistrar]),
    ];
}
