using System.Linq.Expressions;
using Training.Core.Domain;
using ShadowingPeriod = Training.Core.Domain.Shadowing;

namespace Training.Web.Features.Reserves.Shadowing;

/// <summary>The feature's words and the status rules, in one place so that the wording can be reviewed.</summary>
public static class ShadowingTexts
{
    public const string Title = "跟班学习";
    public const string NotFound = "未找到该跟班学习记录，或不在您的管辖范围内。";
    public const string PendingEvaluation = "待评价";
    public const string ChooseReserve = "请选择后备人选。";
    public const string NotInPool = "该后备人选不在库中，只有已入库的后备人选才能安排跟班学习。";
    public static string Overlapping(string name) => $"{name}在这段时间已有跟班学习安排，不能重叠。";

    /// <summary>待评价: the period is over and the township has not evaluated it.</summary>
    public static Expression<Func<ShadowingPeriod, bool>> AwaitingEvaluation(DateOnly today) =>
        s => s.EndOn < today && s.Rating == null;

    public static string Period(DateOnly startOn, DateOnly endOn) => $"{startOn:yyyy-MM-dd} 至 {endOn:yyyy-MM-dd}";

    public static string Recorded(string name, string township, string department, DateOnly startOn, DateOnly endOn) =>
        $"已登记{name}到{township}{department}跟班学习（{Period(startOn, endOn)}）。";

    public static string Evaluated(string name, Rating rating) => $"已评价{name}的跟班学习：{rating.Name()}。";
}
