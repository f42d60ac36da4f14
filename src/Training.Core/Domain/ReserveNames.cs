using System.Linq.Expressions;

namespace Training.Core.Domain;

public static class ReserveNames
{
    public static string Name(this ReserveTarget t) => t == ReserveTarget.Secretary ? "书记后备" : "两委后备";

    public static string Name(this ReserveState s) => s switch
    {
        ReserveState.Recommended => "村推",
        ReserveState.Selected => "镇选",
        ReserveState.InPool => "已入库",
        ReserveState.Appointed => "已任用",
        ReserveState.Exited => "已退出",
        ReserveState.Declined => "未通过",
        _ => s.ToString(),
    };
}
