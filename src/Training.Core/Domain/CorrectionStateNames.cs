namespace Training.Core.Domain;

public static class CorrectionStateNames
{
    public static string Name(this CorrectionState s) => s switch
    {
        CorrectionState.Open => "待处理",
        CorrectionState.Corrected => "已更正",
        CorrectionState.Declined => "不予更正",
        _ => s.ToString(),
    };
}
