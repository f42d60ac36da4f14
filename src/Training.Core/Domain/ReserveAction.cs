namespace Training.Core.Domain;

public enum ReserveAction
{
    Recommend = 1,        // 村推
    SelectByTownship = 2, // 镇选
    DeclineByTownship = 3,
    PutInPool = 4,        // 区考察通过，入库
    DeclineByDistrict = 5,
    Appoint = 6,          // 任用
    Exit = 7,             // 退出
    Import = 8,           // 花名册导入
}
