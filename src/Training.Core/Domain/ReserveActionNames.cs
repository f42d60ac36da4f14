namespace Training.Core.Domain;

public static class ReserveActionNames
{
    public static string Name(this ReserveAction a) => a switch
    {
        ReserveAction.Recommend => "村推荐",
        ReserveAction.SelectByTownship => "镇（街）选定",
        ReserveAction.DeclineByTownship => "镇（街）不予选定",
        ReserveAction.PutInPool => "区考察通过，入库",
        ReserveAction.DeclineByDistrict => "区考察未通过",
        ReserveAction.Appoint => "任用",
        ReserveAction.Exit => "退出",
        ReserveAction.Import => "花名册导入",
        _ => a.ToString(),
    };
}
