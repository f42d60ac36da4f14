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
        new(Apply, "在线报名（自己的申请）", [Roles.Trainee]),
        new(Review, "报名审核（本级的一步）", RoleSets.TownshipAndAbove),
        new(Enrollments, "学籍与缴费", RoleSets.TownshipAndAbove),
        new(Totals, "学费汇总（按区、年级）", RoleSets.DistrictAndCity),
        new(Catalog, "招生管理：院校、专业、年级、名额、学费", RoleSets.CityOnly),
        new(Registrar, "本校学员学籍与毕业名单", [Roles.SchoolRegistrar]),
    ];
}
