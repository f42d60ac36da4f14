namespace Training.Core.Domain;

public enum ImportKind
{
    Roster = 1,     // 花名册导入 (CityAdmin)
    Graduation = 2, // 毕业名单导入 (SchoolRegistrar)
    OfflineHours = 3, // 线下学时导入 (CityAdmin, DistrictStaff)
}
