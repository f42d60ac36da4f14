namespace Training.Core.Domain;

public static class RunStateNames
{
    public static string Name(this RunState s) => s switch
    {
        RunState.Queued => "排队中",
        RunState.Running => "进行中",
        RunState.Succeeded => "已完成",
        RunState.Rejected => "有错误，未导入",
        RunState.Failed => "出错",
        _ => s.ToString(),
    };

    public static bool IsFinished(this RunState s) => s is RunState.Succeeded or RunState.Rejected or RunState.Failed;
}
