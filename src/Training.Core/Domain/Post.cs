using System.Linq.Expressions;

namespace Training.Core.Domain;

/// <summary>
/// A post held in a village from <see cref="StartDate"/> to <see cref="EndDate"/>, both days
/// included (离任日期 is the last day in office); no end date means still serving.
/// </summary>
public class Post
{
    private Post() { }

    internal Post(Person person, OrgUnit village, PostType type, DateOnly start, DateOnly? end)
    {
        if (village.Level != OrgLevel.Village)
            throw new DomainException($"职务只能设在村社区，“{village.Name}”是{village.Level.Name()}。");
        if (end is not null && end < start)
            throw new DomainException($"离任日期 {end:yyyy-MM-dd} 早于任职日期 {start:yyyy-MM-dd}。");
        Person = person;
        Village = village;
        VillageId = village.Id;
        Type = type;
        StartDate = start;
        EndDate = end;
    }

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public Person Person { get; private set; } = null!;
    public int VillageId { get; private set; }
    public OrgUnit Village { get; private set; } = null!;
    public PostType Type { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }

    public bool IsHeldOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate >= date);

    /// <summary><see cref="IsHeldOn"/> for queries.</summary>
    public static Expression<Func<Post, bool>> HeldOn(DateOnly date) =>
        p => p.StartDate <= date && (p.EndDate == null || p.EndDate >= date);

    /// <summary>Sets or clears the last day (a roster import's correction); the person checks overlaps first.</summary>
    internal void SetEnd(DateOnly? lastDay)
    {
        if (lastDay is not null && lastDay < StartDate)
            throw new DomainException($"离任日期 {lastDay:yyyy-MM-dd} 早于任职日期 {StartDate:yyyy-MM-dd}。");
        EndDate = lastDay;
    }

    public void End(DateOnly lastDay)
    {
        if (EndDate is not null)
            throw new DomainException($"该职务已于 {EndDate:yyyy-MM-dd} 离任。");
        if (lastDay < StartDate)
            throw new DomainException($"离任日期 {lastDay:yyyy-MM-dd} 早于任职日期 {StartDate:yyyy-MM-dd}。");
        EndDate = lastDay;
    }
}
