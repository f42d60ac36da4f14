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

/// <summary>One step of a reserve candidate's life (村推 → 镇选 → 区考察 → 任用/退出): who, when, from, to, comment.</summary>
public class ReserveTransition
{
    private ReserveTransition() { Actor = Comment = ""; }

    public ReserveTransition(ReserveAction action, ReserveState? from, ReserveState to, string actor, string comment, DateOnly on, DateTime at)
    {
        Action = action;
        From = from;
        To = to;
        Actor = actor;
        Comment = comment;
        On = on;
        At = at;
    }

    public int Id { get; private set; }
    public int ReserveId { get; private set; }
    public ReserveAction Action { get; private set; }
    /// <summary>Null for the first step (the recommendation).</summary>
    public ReserveState? From { get; private set; }
    public ReserveState To { get; private set; }
    public string Actor { get; private set; }
    public string Comment { get; private set; }
    /// <summary>The Guangzhou day the step counts from.</summary>
    public DateOnly On { get; private set; }
    /// <summary>When it was recorded (UTC).</summary>
    public DateTime At { get; private set; }
}
