using System.Linq.Expressions;

namespace Training.Core.Domain;

public enum ReserveState
{
    Recommended = 1, // 村推
    Selected = 2,    // 镇选
    InPool = 3,      // 已入库（区考察通过）
    Appointed = 4,   // 已任用
    Exited = 5,      // 已退出
    Declined = 6,    // 未通过（镇街或区不同意）
}
