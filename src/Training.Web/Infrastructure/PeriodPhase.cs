using Training.Core.Domain;

namespace Training.Web.Infrastructure;

/// <summary>Where a dated period stands on a day (未开始, 进行中, 已结束): worked out from its dates, never stored.</summary>
public enum PeriodPhase
{
    NotStarted = 1,
    Running = 2,
    Ended = 3,
}

/// <summary>The one rule and the one wording for the phase of mentoring pairs, shadowing periods and training classes.</summary>
public static class PeriodPhases
{
    public static readonly IReadOnlyList<PeriodPhase> All = [PeriodPhase.NotStarted, PeriodPhase.Running, PeriodPhase.Ended];

    public static PeriodPhase On(DateOnly startOn, DateOnly endOn, DateOnly today) =>
        today < startOn ? PeriodPhase.NotStarted
        : today <= endOn ? PeriodPhase.Running
        : PeriodPhase.Ended;

    public static string Name(this PeriodPhase phase) => phase switch
    {
        PeriodPhase.NotStarted => "未开始",
        PeriodPhase.Running => "进行中",
        PeriodPhase.Ended => "已结束",
        _ => phase.ToString(),
    };

    /// <summary><see cref="On"/> for queries.</summary>
    public static IQueryable<T> InPhase<T>(this IQueryable<T> query, PeriodPhase phase, DateOnly today) where T : class, IDatedPeriod =>
        phase switch
        {
            PeriodPhase.NotStarted => query.Where(x => x.StartOn > today),
            PeriodPhase.Running => query.Where(x => x.StartOn <= today && x.EndOn >= today),
            _ => query.Where(x => x.EndOn < today),
        };
}
