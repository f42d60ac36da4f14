namespace Training.Core.Domain;

/// <summary>
/// 跟班学习: a reserve in the pool works at its own township's office (镇（街）) in a
/// department from <see cref="StartOn"/> to <see cref="EndOn"/> (both included); the township
/// records it and, once it has begun, an evaluation.
/// </summary>
public class Shadowing : IVersioned, IDatedPeriod
{
    public const int MaxDepartment = 100;

    private Shadowing() { Department = CreatedBy = ""; }

    public int Id { get; private set; }
    public int ReserveId { get; private set; }
    public ReserveCandidate Reserve { get; private set; } = null!;
    /// <summary>The township whose office the reserve works at: the one above the reserve's village.</summary>
    public int TownshipId { get; private set; }
    public OrgUnit Township { get; private set; } = null!;
    public string Department { get; private set; }
    public DateOnly StartOn { get; private set; }
    public DateOnly EndOn { get; private set; }
    public Rating? Rating { get; private set; }
    public string? Evaluation { get; private set; }
    public string? EvaluatedBy { get; private set; }
    public DateTime? EvaluatedAt { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid Version { get; private set; }

    /// <summary>
    /// Records a period of shadowing. <paramref name="township"/> must be the reserve's own
    /// township (the reserve's village loaded); <paramref name="existing"/> are the reserve's
    /// periods so far: overlapping periods are refused.
    /// </summary>
    public static Shadowing Record(
        ReserveCandidate reserve, OrgUnit township, string? department, DateOnly startOn, DateOnly endOn,
        string actor, DateTime now, IEnumerable<Shadowing> existing)
    {
        if (township.Level != OrgLevel.Township)
            throw new DomainException($"跟班学习应在镇（街）机关，“{township.Name}”是{township.Level.Name()}。");
        if (reserve.State != ReserveState.InPool)
            throw new DomainException($"只有已入库的后备人选才能安排跟班学习，当前状态为“{reserve.State.Name()}”。");
        if (!township.Contains(reserve.Village))
            throw new DomainException($"{reserve.Person.Name}不是{township.Name}的后备人选，只能到本镇（街）跟班学习。");
        if (reserve.InPoolOn is { } pooled && startOn < pooled)
            throw new DomainException($"跟班学习开始日期不能早于入库日期 {pooled:yyyy-MM-dd}。");
        if (endOn < startOn) throw new DomainException("跟班学习结束日期不能早于开始日期。");
        if (endOn > startOn.AddYears(2)) throw new DomainException("一次跟班学习不能超过 2 年。");
        if (existing.Any(s => reserve.Is(s.Reserve, s.ReserveId) && s.StartOn <= endOn && startOn <= s.EndOn))
            throw new DomainException($"{reserve.Person.Name}在这段时间已有跟班学习安排，不能重叠。");
        return new Shadowing
        {
            Reserve = reserve,
            ReserveId = reserve.Id,
            Township = township,
            TownshipId = township.Id,
            Department = RecordText.Short(department, "跟班科室（部门）", MaxDepartment),
            StartOn = startOn,
            EndOn = endOn,
            CreatedBy = actor,
            CreatedAt = now,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>The township's evaluation, once the period has begun; a later one replaces it.</summary>
    public void Evaluate(Rating rating, string? text, string actor, DateTime now, DateOnly today)
    {
        if (today < StartOn) throw new DomainException($"跟班学习自 {StartOn:yyyy-MM-dd} 开始，开始前不能评价。");
        RecordText.RequireDefined(rating);
        Evaluation = RecordText.Required(text, "评价内容");
        Rating = rating;
        EvaluatedBy = actor;
        EvaluatedAt = now;
        Version = Guid.NewGuid();
    }
}
