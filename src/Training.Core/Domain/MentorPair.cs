using System.Linq.Expressions;

namespace Training.Core.Domain;

/// <summary>
/// 结对帮带: a reserve in the pool paired with a serving two-committee cadre as mentor, from
/// <see cref="StartOn"/> to <see cref="EndOn"/> (both included), with goals and periodic
/// evaluations. A pair that has run 90 days without an evaluation is overdue.
/// </summary>
public class MentorPair : IVersioned, IDatedPeriod
{
    /// <summary>A pair with no evaluation for this many days is listed as overdue.</summary>
    public const int EvaluationIntervalDays = 90;

    private readonly List<MentorEvaluation> _evaluations = [];

    private MentorPair() { Goals = CreatedBy = ""; }

    public int Id { get; private set; }
    public int ReserveId { get; private set; }
    public ReserveCandidate Reserve { get; private set; } = null!;
    public int MentorId { get; private set; }
    public Person Mentor { get; private set; } = null!;
    public DateOnly StartOn { get; private set; }
    /// <summary>The last day of the pairing: planned, or the day it was ended early.</summary>
    public DateOnly EndOn { get; private set; }
    public string Goals { get; private set; }
    /// <summary>Why it ended before the planned day (null while it runs as planned).</summary>
    public string? EndReason { get; private set; }
    /// <summary>The latest evaluation's day (kept here so the overdue list is one comparison).</summary>
    public DateOnly? LastEvaluatedOn { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid Version { get; private set; }

    /// <summary>Evaluations, in the order recorded (order by <see cref="MentorEvaluation.On"/> to show).</summary>
    public IReadOnlyList<MentorEvaluation> Evaluations => _evaluations;

    public bool IsActiveOn(DateOnly date) => StartOn <= date && date <= EndOn;

    /// <summary>Running on <paramref name="today"/> and neither started nor evaluated in the last 90 days.</summary>
    public bool IsOverdueOn(DateOnly today) => IsOverdue(StartOn, EndOn, LastEvaluatedOn, today);

    /// <summary><see cref="IsOverdueOn"/> for a pair read as its dates (a page that has them needs no query of its own).</summary>
    public static bool IsOverdue(DateOnly startOn, DateOnly endOn, DateOnly? lastEvaluatedOn, DateOnly today) =>
        startOn <= today && today <= endOn && (lastEvaluatedOn ?? startOn) <= today.AddDays(-EvaluationIntervalDays);

    /// <summary><see cref="IsOverdueOn"/> for queries.</summary>
    public static Expression<Func<MentorPair, bool>> OverdueOn(DateOnly today)
    {
        var limit = today.AddDays(-EvaluationIntervalDays);
        return p => p.StartOn <= today && today <= p.EndOn
            && ((p.LastEvaluatedOn == null && p.StartOn <= limit) || p.LastEvaluatedOn <= limit);
    }

    /// <summary><see cref="IsActiveOn"/> for queries.</summary>
    public static Expression<Func<MentorPair, bool>> ActiveOn(DateOnly date) => p => p.StartOn <= date && date <= p.EndOn;

    /// <summary>
    /// Pairs a reserve in the pool with a mentor who holds a two-committee post on the first
    /// day (needs the mentor's posts loaded). <paramref name="existing"/> are the reserve's
    /// pairs so far: a second pairing in an overlapping period is refused.
    /// </summary>
    public static MentorPair Start(
        ReserveCandidate reserve, Person mentor, DateOnly startOn, DateOnly endOn, string? goals,
        string actor, DateTime now, IEnumerable<MentorPair> existing)
    {
        if (reserve.State != ReserveState.InPool)
            throw new DomainException($"只有已入库的后备人选才能结对帮带，当前状态为“{reserve.State.Name()}”。");
        if (reserve.InPoolOn is { } pooled && startOn < pooled)
            throw new DomainException($"帮带开始日期不能早于入库日期 {pooled:yyyy-MM-dd}。");
        if (ReferenceEquals(mentor, reserve.Person) || (mentor.Id != 0 && mentor.Id == reserve.PersonId))
            throw new DomainException("帮带人不能是后备人选本人。");
        if (endOn <= startOn) throw new DomainException("帮带结束日期应晚于开始日期。");
        if (endOn > startOn.AddYears(5)) throw new DomainException("帮带期限不能超过 5 年。");
        if (!mentor.IsTwoCommitteeCadreOn(startOn))
            throw new DomainException($"{mentor.Name}在 {startOn:yyyy-MM-dd} 不是在职的村（社区）两委干部，不能担任帮带人。");
        if (existing.Any(p => reserve.Is(p.Reserve, p.ReserveId) && p.StartOn <= endOn && startOn <= p.EndOn))
            throw new DomainException($"{reserve.Person.Name}在这段时间已有帮带人，不能重复结对。");
        return new MentorPair
        {
            Reserve = reserve,
            ReserveId = reserve.Id,
            Mentor = mentor,
            MentorId = mentor.Id,
            StartOn = startOn,
            EndOn = endOn,
            Goals = RecordText.Required(goals, "帮带目标"),
            CreatedBy = actor,
            CreatedAt = now,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>A periodic evaluation, dated between the first day and today (not after the pairing ended).</summary>
    public MentorEvaluation Evaluate(DateOnly on, Rating rating, string? text, string actor, DateTime now, DateOnly today)
    {
        if (on < StartOn) throw new DomainException($"评价日期不能早于帮带开始日期 {StartOn:yyyy-MM-dd}。");
        if (on > today) throw new DomainException("评价日期不能晚于今天。");
        if (on > EndOn) throw new DomainException($"帮带已于 {EndOn:yyyy-MM-dd} 结束，评价日期不能晚于结束日期。");
        RecordText.RequireDefined(rating);
        var evaluation = new MentorEvaluation(on, rating, RecordText.Required(text, "评价内容"), actor, now);
        _evaluations.Add(evaluation);
        if (LastEvaluatedOn is null || on > LastEvaluatedOn) LastEvaluatedOn = on;
        Version = Guid.NewGuid();
        return evaluation;
    }

    /// <summary>Ends the pairing before its planned last day (e.g. the reserve took a post); <paramref name="on"/> is the last day.</summary>
    public void End(DateOnly on, string? reason, DateOnly today)
    {
        // Ending again, or "early" after the planned last day has passed, would rewrite a
        // finished pairing: move its last day and replace the recorded reason.
        if (EndReason is not null) throw new DomainException($"该结对帮带已于 {EndOn:yyyy-MM-dd} 提前结束。");
        if (EndOn < today) throw new DomainException($"该结对帮带已于 {EndOn:yyyy-MM-dd} 结束，不能再提前结束。");
        if (on > today) throw new DomainException("结束日期不能晚于今天。");
        if (on < StartOn) throw new DomainException($"结束日期不能早于帮带开始日期 {StartOn:yyyy-MM-dd}。");
        if (on >= EndOn) throw new DomainException($"帮带原定于 {EndOn:yyyy-MM-dd} 结束，提前结束的日期应早于该日。");
        if (LastEvaluatedOn > on) throw new DomainException($"已有 {LastEvaluatedOn:yyyy-MM-dd} 的评价，结束日期不能早于该日。");
        EndReason = RecordText.Required(reason, "提前结束的原因");
        EndOn = on;
        Version = Guid.NewGuid();
    }
}
