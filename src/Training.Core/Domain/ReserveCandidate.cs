using System.Linq.Expressions;

namespace Training.Core.Domain;

/// <summary>
/// A reserve cadre candidate (后备干部). The pool dates are columns so that "in the pool on
/// D" is a comparison: entered on or before D and not left by D.
/// </summary>
public class ReserveCandidate : IVersioned
{
    private readonly List<ReserveTransition> _transitions = [];

    private ReserveCandidate() { }

    /// <summary>Every step, oldest first once ordered by <see cref="ReserveTransition.At"/> (the timeline).</summary>
    public IReadOnlyList<ReserveTransition> Transitions => _transitions;

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public Person Person { get; private set; } = null!;
    public int VillageId { get; private set; }
    public OrgUnit Village { get; private set; } = null!;
    public ReserveTarget Target { get; private set; }
    public ReserveState State { get; private set; }
    public DateOnly RecommendedOn { get; private set; }
    public DateOnly? InPoolOn { get; private set; }
    /// <summary>The day the person left the pool (appointed or exited): from this day on no longer in it.</summary>
    public DateOnly? LeftPoolOn { get; private set; }
    public string? Reason { get; private set; }
    public Guid Version { get; private set; }

    public bool IsInPoolOn(DateOnly date) => InPoolOn <= date && (LeftPoolOn is null || LeftPoolOn > date);

    /// <summary><see cref="IsInPoolOn"/> for queries.</summary>
    public static Expression<Func<ReserveCandidate, bool>> InPoolOnDate(DateOnly date) =>
        r => r.InPoolOn <= date && (r.LeftPoolOn == null || r.LeftPoolOn > date);

    /// <summary>A reserve already in the pool before the portal (spreadsheet or demo data).</summary>
    public static ReserveCandidate HistoricalInPool(Person person, ReserveTarget target, DateOnly inPoolOn)
    {
        if (person.Village is null) throw new DomainException("后备人选必须属于某个村社区。");
        return new ReserveCandidate
        {
            Person = person,
            PersonId = person.Id,
            Village = person.Village,
            VillageId = person.VillageId,
            Target = target,
            State = ReserveState.InPool,
            RecommendedOn = inPoolOn,
            InPoolOn = inPoolOn,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>
    /// A reserve of the years before the portal that already left the pool (appointed or exited
    /// on <paramref name="leftOn"/>): demo data and history have no timeline to record, as
    /// <see cref="HistoricalInPool"/>.
    /// </summary>
    public static ReserveCandidate HistoricalLeft(Person person, ReserveTarget target, DateOnly inPoolOn, ReserveState leftAs, DateOnly leftOn, string? reason)
    {
        var candidate = HistoricalInPool(person, target, inPoolOn);
        switch (leftAs)
        {
            case ReserveState.Appointed: candidate.Appoint(leftOn); break;
            case ReserveState.Exited: candidate.Exit(leftOn, reason ?? ""); break;
            default: throw new ArgumentOutOfRangeException(nameof(leftAs), leftAs, "A reserve leaves the pool appointed or exited.");
        }
        return candidate;
    }

    /// <summary>
    /// A reserve from a roster import (sheet 后备), in any of the states a spreadsheet knows:
    /// 村推 and 镇选 are not in the pool yet (no 入库日期, recommended on the import day);
    /// 已入库, 已任用 and 已退出 entered the pool on <paramref name="inPoolOn"/>, and the last two
    /// left it on the import day (the spreadsheet does not say when).
    /// </summary>
    public static ReserveCandidate Imported(Person person, OrgUnit village, ReserveTarget target, ReserveState state, DateOnly? inPoolOn, DateOnly today)
    {
        var candidate = new ReserveCandidate { Person = person, PersonId = person.Id, Target = target, RecommendedOn = inPoolOn ?? today };
        candidate.ApplyImport(village, state, inPoolOn, today);
        return candidate;
    }

    /// <summary>
    /// A roster import's row for this reserve (same person and 后备类型): village, state and
    /// 入库日期 as the spreadsheet says; false when they equal what is stored. A reserve that
    /// already left the pool in that state keeps its day of leaving.
    /// </summary>
    public bool ApplyImport(OrgUnit village, ReserveState state, DateOnly? inPoolOn, DateOnly today)
    {
        if (village.Level != OrgLevel.Village)
            throw new DomainException($"后备人选应属于村社区，“{village.Name}”是{village.Level.Name()}。");
        var pooled = state is ReserveState.InPool or ReserveState.Appointed or ReserveState.Exited;
        if (!pooled && state is not (ReserveState.Recommended or ReserveState.Selected))
            throw new DomainException($"导入的后备人选状态只能是村推、镇选、已入库、已任用或已退出，不能是“{state.Name()}”。");
        if (pooled && inPoolOn is null) throw new DomainException($"状态为“{state.Name()}”的后备人选须填写入库日期。");
        if (!pooled && inPoolOn is not null) throw new DomainException($"状态为“{state.Name()}”的后备人选尚未入库，入库日期应留空。");
        if (inPoolOn > today) throw new DomainException("入库日期不能晚于今天。");

        var sameVillage = ReferenceEquals(Village, village) || (village.Id != 0 && VillageId == village.Id);
        if (Version != Guid.Empty && sameVillage && State == state && InPoolOn == inPoolOn) return false;

        // The sheet has no day of leaving. A reserve that first appears as 已任用/已退出 is dated as
        // leaving on its 入库日期, so it never counts as in the pool (as PRODUCT.md §8 dates a
        // withdrawal without a date on the admission day); one stored in the pool that the sheet
        // now says has left, left today; one that already left in that state keeps its day.
        var isNew = Version == Guid.Empty;
        var left = state is ReserveState.Appointed or ReserveState.Exited
            ? (isNew ? inPoolOn : State == state && LeftPoolOn is not null ? LeftPoolOn : today)
            : null;
        Village = village;
        VillageId = village.Id;
        State = state;
        InPoolOn = inPoolOn;
        if (inPoolOn is not null) RecommendedOn = inPoolOn.Value;
        LeftPoolOn = left is not null && inPoolOn is not null && left < inPoolOn ? inPoolOn : left;
        Version = Guid.NewGuid();
        return true;
    }

    /// <summary>Whether a record's reserve (navigation and key) is this one; unsaved reserves all have Id 0, so by reference.</summary>
    internal bool Is(ReserveCandidate? other, int otherId) => ReferenceEquals(other, this) || (Id != 0 && otherId == Id);

    /// <summary>States in which a candidacy is still open: a person has at most one open candidacy per target.</summary>
    public static bool IsOpen(ReserveState state) =>
        state is ReserveState.Recommended or ReserveState.Selected or ReserveState.InPool;

    /// <summary><see cref="IsOpen"/> for queries: a candidacy not yet appointed, exited or declined.</summary>
    public static readonly Expression<Func<ReserveCandidate, bool>> Open = r =>
        r.State == ReserveState.Recommended || r.State == ReserveState.Selected || r.State == ReserveState.InPool;

    /// <summary>
    /// 村推: the village recommends one of its own persons as 书记后备 or 两委后备.
    /// <paramref name="existing"/> are the person's candidacies so far (any target): a second
    /// open one for the same target is refused.
    /// </summary>
    public static ReserveCandidate Recommend(
        Person person, OrgUnit village, ReserveTarget target, string actor, DateOnly on, DateTime now,
        IEnumerable<ReserveCandidate> existing, string? comment = null)
    {
        if (village.Level != OrgLevel.Village)
            throw new DomainException($"后备人选应由村（社区）推荐，“{village.Name}”是{village.Level.Name()}。");
        var belongs = ReferenceEquals(person.Village, village) || (village.Id != 0 && person.VillageId == village.Id);
        if (!belongs) throw new DomainException($"{person.Name}不属于{village.Name}，只能推荐本村（社区）的人员。");
        if (!Enum.IsDefined(target)) throw new DomainException("请选择后备类型：书记后备或两委后备。");
        if (existing.Any(c => c.PersonId == person.Id && c.Target == target && IsOpen(c.State)))
            throw new DomainException($"{person.Name}已是{target.Name()}人选（尚未任用或退出），不能重复推荐。");
        var candidate = new ReserveCandidate
        {
            Person = person,
            PersonId = person.Id,
            Village = village,
            VillageId = village.Id,
            Target = target,
            State = ReserveState.Recommended,
            RecommendedOn = on,
            Version = Guid.NewGuid(),
        };
        candidate._transitions.Add(new ReserveTransition(ReserveAction.Recommend, null, ReserveState.Recommended, actor, Clean(comment), on, now));
        return candidate;
    }

    /// <summary>镇选: the township selects a recommended candidate.</summary>
    public void SelectByTownship(string actor, string? comment, DateOnly on, DateTime now)
    {
        Require(ReserveState.Recommended, "镇（街）选定");
        NotBefore(on, RecommendedOn, "选定日期不能早于推荐日期。");
        Move(ReserveAction.SelectByTownship, ReserveState.Selected, actor, Clean(comment), on, now);
    }

    /// <summary>The township does not select a recommended candidate (reason required).</summary>
    public void DeclineByTownship(string actor, string reason, DateOnly on, DateTime now)
    {
        Require(ReserveState.Recommended, "镇（街）不予选定");
        var why = RequireReason(reason, "不予选定须填写原因。");
        Reason = why;
        Move(ReserveAction.DeclineByTownship, ReserveState.Declined, actor, why, on, now);
    }

    /// <summary>区考察通过: the district puts a selected candidate into the pool from that day.</summary>
    public void PutInPool(string actor, string? comment, DateOnly on, DateTime now)
    {
        Require(ReserveState.Selected, "入库");
        NotBefore(on, RecommendedOn, "入库日期不能早于推荐日期。");
        InPoolOn = on;
        Move(ReserveAction.PutInPool, ReserveState.InPool, actor, Clean(comment), on, now);
    }

    /// <summary>区考察未通过 (reason required).</summary>
    public void DeclineByDistrict(string actor, string reason, DateOnly on, DateTime now)
    {
        Require(ReserveState.Selected, "区考察不通过");
        var why = RequireReason(reason, "考察未通过须填写原因。");
        Reason = why;
        Move(ReserveAction.DeclineByDistrict, ReserveState.Declined, actor, why, on, now);
    }

    /// <summary>Took a post: the reserve leaves the pool that day; the step is recorded.</summary>
    public void Appoint(DateOnly on, string actor, string? comment, DateTime now)
    {
        var from = State;
        Appoint(on);
        _transitions.Add(new ReserveTransition(ReserveAction.Appoint, from, State, actor, Clean(comment), on, now));
    }

    /// <summary>
    /// Took a post in the reserve's village: the post is recorded on the person from that day
    /// (needs the person's posts loaded, to refuse a second term of the same post) and the
    /// reserve leaves the pool that day.
    /// </summary>
    public Post AppointTo(PostType post, string actor, string? comment, DateOnly on, DateTime now)
    {
        if (State != ReserveState.InPool) throw new DomainException($"只有已入库的后备人选才能任用，当前状态为“{State.Name()}”。");
        if (on < InPoolOn) throw new DomainException("任用日期不能早于入库日期。");
        var note = Clean(comment);
        var what = $"任{Village.Name}{post.Name()}";
        var text = Clean(note.Length == 0 ? what : $"{what}。{note}");
        var added = Person.AddPost(Village, post, on);
        Appoint(on, actor, text, now);
        return added;
    }

    /// <summary>Leaves the reserve (reason required); the step is recorded.</summary>
    public void Exit(DateOnly on, string reason, string actor, DateTime now)
    {
        var from = State;
        if (from is ReserveState.InPool) NotBefore(on, InPoolOn!.Value, "退出日期不能早于入库日期。");
        Exit(on, reason);
        _transitions.Add(new ReserveTransition(ReserveAction.Exit, from, State, actor, Reason!, on, now));
    }

    private void Require(ReserveState expected, string step)
    {
        if (State != expected)
            throw new DomainException($"只有“{expected.Name()}”状态的后备人选才能{step}，当前状态为“{State.Name()}”。");
    }

    private static void NotBefore(DateOnly on, DateOnly earliest, string message)
    {
        if (on < earliest) throw new DomainException(message);
    }

    private const int MaxText = 500;

    private static string RequireReason(string? reason, string message) =>
        string.IsNullOrWhiteSpace(reason) ? throw new DomainException(message) : Clean(reason);

    private static string Clean(string? comment)
    {
        var text = comment?.Trim() ?? "";
        return text.Length > MaxText ? throw new DomainException($"意见或原因不能超过{MaxText}字。") : text;
    }

    private void Move(ReserveAction action, ReserveState to, string actor, string comment, DateOnly on, DateTime now)
    {
        _transitions.Add(new ReserveTransition(action, State, to, actor, comment, on, now));
        State = to;
        Version = Guid.NewGuid();
    }

    // The state changes behind the logged verbs Appoint(on, actor, …) and Exit(on, reason, actor, …):
    // private, so that no caller can move a candidacy without its timeline entry.
    private void Appoint(DateOnly on)
    {
        if (State != ReserveState.InPool) throw new DomainException($"只有已入库的后备人选才能任用，当前状态为“{State.Name()}”。");
        if (on < InPoolOn) throw new DomainException("任用日期不能早于入库日期。");
        State = ReserveState.Appointed;
        LeftPoolOn = on;
        Version = Guid.NewGuid();
    }

    private void Exit(DateOnly on, string reason)
    {
        if (State is ReserveState.Appointed or ReserveState.Exited or ReserveState.Declined)
            throw new DomainException($"后备人选当前状态为“{State.Name()}”，不能退出。");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("退出须填写原因。");
        State = ReserveState.Exited;
        LeftPoolOn = InPoolOn is null ? null : on;
        Reason = reason.Trim();
        Version = Guid.NewGuid();
    }
}
