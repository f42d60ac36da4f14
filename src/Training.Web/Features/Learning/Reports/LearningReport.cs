using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Assignments;
using Training.Web.Features.Statistics;

namespace Training.Web.Features.Learning.Reports;

/// <summary>
/// Computes the learning figures (<see cref="LearningFigures"/> says what each one is) set-based: one
/// query streams every person of the unit's villages with the categories on the day and the year's sums
/// read from <see cref="StudyHoursTotal"/> (never the ledger entry by entry, never a query per person),
/// one query lists the persons overdue on any assignment, and the villages are added up the tree (a
/// person belongs to one village, so the sums need no correction). The persons behind a number are
/// chosen by the same <see cref="Classify"/> that counted them.
/// </summary>
public sealed class LearningReport(TrainingDbContext db)
{
    /// <summary>The unit a report is about.</summary>
    public sealed record Unit(int Id, string Code, string Name, string Path, OrgLevel Level);

    /// <summary>One assignment's line: its course, target, dates and where its persons of the unit stand.</summary>
    public sealed record AssignmentLine(int Id, string Course, bool Required, DateOnly StartOn, DateOnly DueOn, string Owner, AssignmentProgress.Counts Counts);

    /// <summary>The day a year's figures are taken on: today for this year, the year's last day for a past one.</summary>
    public static DateOnly DayOf(int year, DateOnly today) => year >= today.Year ? today : new DateOnly(year, 12, 31);

    /// <summary>The year's targets (CityAdmin's where set, the defaults otherwise).</summary>
    public async Task<IReadOnlyList<StudyTarget>> TargetsAsync(int year, CancellationToken ct) =>
        StudyTarget.ForYear(year, await db.StudyTargets.AsNoTracking().Where(t => t.Year == year).ToListAsync(ct));

    /// <summary>Whether the person is 应学 and reached its target — the one rule the counts and the lists use.</summary>
    public static (bool Learner, bool Reached) Classify(LearnerFacts f, IReadOnlyList<StudyTarget> targets)
    {
        if (!f.IsLearner) return (false, false);
        var owed = StudyTarget.Owed(f.Categories, targets)!;
        return (true, f.TotalCenti >= StudyHoursTotal.Centi(owed.Hours) && f.RequiredCenti >= StudyHoursTotal.Centi(owed.RequiredHours));
    }

    /// <summary>Every person of the villages under <paramref name="path"/>, with the facts the figures need (one query, streamed).</summary>
    public IQueryable<LearnerFacts> Facts(string path, int year, DateOnly day)
    {
        var posts = db.Posts.Where(Post.HeldOn(day));
        var pool = db.Reserves.Where(ReserveCandidate.InPoolOnDate(day));
        var totals = db.StudyHoursTotals.Where(t => t.Year == year);
        return db.Persons.AsNoTracking()
            .Where(p => p.Village.Path.StartsWith(path))
            .Select(Inline.Expand<Func<Person, LearnerFacts>>(p => new LearnerFacts(
                p.Id, p.VillageId,
                posts.Any(x => x.PersonId == p.Id),
                pool.Any(r => r.PersonId == p.Id),
                p.Is(Person.IsPartyMember),
                totals.Where(t => t.PersonId == p.Id).Sum(t => (long?)t.RequiredCenti) ?? 0,
                totals.Where(t => t.PersonId == p.Id).Sum(t => (long?)t.ElectiveCenti) ?? 0)));
    }

    /// <summary>
    /// The assignments whose persons count as overdue on <paramref name="day"/>: not cancelled, started, and a
    /// deadline in the year that has passed.
    /// </summary>
    private Task<List<Assignment>> OverdueAssignmentsAsync(int year, DateOnly day, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        return db.Assignments.AsNoTracking().Include(a => a.Unit)
            .Where(a => !a.Cancelled && a.StartOn <= day && a.DueOn >= from && a.DueOn < day)
            .ToListAsync(ct);
    }

    /// <summary>The distinct persons under <paramref name="path"/> overdue on any assignment (a few queries however many assignments).</summary>
    public async Task<List<int>> OverdueIdsAsync(string path, int year, DateOnly day, CancellationToken ct) =>
        await AssignmentProgress.OverdueIdsAsync(db, await OverdueAssignmentsAsync(year, day, ct), day, persons => persons.Where(p => p.Village.Path.StartsWith(path)), ct);

    /// <summary>Every unit under (and including) <paramref name="unit"/>, keyed by id.</summary>
    public async Task<Dictionary<int, LearningFigures>> ComputeUnderAsync(Unit unit, int year, DateOnly day, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.Path.StartsWith(unit.Path))
            .Select(u => new { u.Id, u.ParentId }).ToListAsync(ct);
        var parentOf = units.ToDictionary(u => u.Id, u => u.ParentId);
        var targets = await TargetsAsync(year, ct);

        var villages = new Dictionary<int, LearningFigures>();
        void Add(int villageId, LearningFigures f) => villages[villageId] = villages.TryGetValue(villageId, out var v) ? v + f : f;

        var villageOf = new Dictionary<int, int>();
        await foreach (var f in Facts(unit.Path, year, day).AsAsyncEnumerable().WithCancellation(ct))
        {
            villageOf[f.PersonId] = f.VillageId;
            var (learner, reached) = Classify(f, targets);
            if (!learner) continue;
            Add(f.VillageId, new LearningFigures(1, f.Cadre ? 1 : 0, f.Reserve ? 1 : 0, f.Member ? 1 : 0, f.TotalCenti, f.RequiredCenti,
                reached ? 1 : 0, f.TotalCenti == 0 ? 1 : 0, 0));
        }
        foreach (var id in await OverdueIdsAsync(unit.Path, year, day, ct))
            if (villageOf.TryGetValue(id, out var villageId)) Add(villageId, LearningFigures.Zero with { Overdue = 1 });

        var result = units.ToDictionary(u => u.Id, _ => LearningFigures.Zero);
        foreach (var (villageId, f) in villages)
            for (int? id = villageId; id is { } current && parentOf.ContainsKey(current); id = parentOf[current])
                result[current] += f;
        return result;
    }

    /// <summary>
    /// 未开始学习人数 and 学习任务逾期人数 of the unit alone (a COUNT query and the overdue ids, for the staff home):
    /// the same definitions as <see cref="LearningFigures"/>, which a test holds them to.
    /// </summary>
    public async Task<(int NotStarted, int Overdue)> HomeCountsAsync(string path, int year, DateOnly day, CancellationToken ct)
    {
        var posts = db.Posts.Where(Post.HeldOn(day));
        var pool = db.Reserves.Where(ReserveCandidate.InPoolOnDate(day));
        var totals = db.StudyHoursTotals.Where(t => t.Year == year);
        var notStarted = await db.Persons.AsNoTracking()
            .Where(p => p.Village.Path.StartsWith(path))
            .Where(Inline.Expand<Func<Person, bool>>(p => posts.Any(x => x.PersonId == p.Id) || pool.Any(r => r.PersonId == p.Id) || p.Is(Person.IsPartyMember)))
            .CountAsync(p => (totals.Where(t => t.PersonId == p.Id).Sum(t => (long?)(t.RequiredCenti + t.ElectiveCenti)) ?? 0) == 0, ct);
        var overdue = (await OverdueIdsAsync(path, year, day, ct)).Count;
        return (notStarted, overdue);
    }

    /// <summary>The unit's own figures.</summary>
    public async Task<LearningFigures> ComputeAsync(Unit unit, int year, DateOnly day, CancellationToken ct) =>
        (await ComputeUnderAsync(unit, year, day, ct)).GetValueOrDefault(unit.Id, LearningFigures.Zero);

    /// <summary>The unit's figures and one row per direct child unit, ordered by code.</summary>
    public async Task<(LearningFigures Own, IReadOnlyList<UnitLearning> Children)> ComputeWithChildrenAsync(Unit unit, int year, DateOnly day, CancellationToken ct)
    {
        var byUnit = await ComputeUnderAsync(unit, year, day, ct);
        var children = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == unit.Id).OrderBy(u => u.Code)
            .Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        return (byUnit.GetValueOrDefault(unit.Id, LearningFigures.Zero),
            children.Select(c => new UnitLearning(c.Id, c.Code, c.Name, byUnit.GetValueOrDefault(c.Id, LearningFigures.Zero))).ToList());
    }

    /// <summary>The hours credited per month of the year to the persons of the unit's villages (12 values, from the aggregates).</summary>
    public async Task<decimal[]> HoursByMonthAsync(string path, int year, CancellationToken ct)
    {
        var rows = await db.StudyHoursTotals.AsNoTracking()
            .Where(t => t.Year == year && db.Persons.Any(p => p.Id == t.PersonId && p.Village.Path.StartsWith(path)))
            .GroupBy(t => t.Month)
            .Select(g => new { Month = g.Key, Centi = g.Sum(t => t.RequiredCenti + t.ElectiveCenti) })
            .ToListAsync(ct);
        var months = new decimal[12];
        foreach (var r in rows.Where(r => r.Month is >= 1 and <= 12)) months[r.Month - 1] = StudyHoursTotal.Hours(r.Centi);
        return months;
    }

    /// <summary>
    /// The assignments of the year, for the report's table: not cancelled, started by the day, due in the year or later
    /// (those in force, and those whose deadline passed this year with their overdue persons); ordered by deadline.
    /// </summary>
    public IQueryable<Assignment> AssignmentsOfYear(int year, DateOnly day)
    {
        var from = new DateOnly(year, 1, 1);
        return db.Assignments.AsNoTracking().Where(a => !a.Cancelled && a.StartOn <= day && a.DueOn >= from)
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id);
    }

    /// <summary>Where the persons of the unit's villages stand on each of these assignments (a few queries per distinct target, <see cref="AssignmentProgress.CountManyAsync"/>).</summary>
    public async Task<IReadOnlyList<AssignmentLine>> LinesAsync(IReadOnlyList<int> assignmentIds, string path, DateOnly day, CancellationToken ct)
    {
        var assignments = await db.Assignments.AsNoTracking().Include(a => a.Unit).Include(a => a.Course).Include(a => a.Owner)
            .Where(a => assignmentIds.Contains(a.Id)).ToListAsync(ct);
        var counts = await AssignmentProgress.CountManyAsync(db, assignments, day, persons => persons.Where(p => p.Village.Path.StartsWith(path)), ct);
        var lines = assignments.OrderBy(a => a.DueOn).ThenBy(a => a.Id)
            .Select(a => new AssignmentLine(a.Id, a.Course.Title, a.Required, a.StartOn, a.DueOn, a.Owner.Name, counts[a.Id])).ToList();
        return lines;
    }

    /// <summary>The ids of the persons behind a figure of the unit, chosen by the rules that counted them.</summary>
    public async Task<IReadOnlyList<int>> PersonsBehindAsync(LearningFigure figure, Unit unit, int year, DateOnly day, CancellationToken ct)
    {
        if (figure == LearningFigure.Overdue)
            return await OverdueIdsAsync(unit.Path, year, day, ct);
        var targets = await TargetsAsync(year, ct);
        var result = new List<int>();
        await foreach (var f in Facts(unit.Path, year, day).AsAsyncEnumerable().WithCancellation(ct))
        {
            var (learner, reached) = Classify(f, targets);
            if (!learner) continue;
            var counted = figure switch
            {
                LearningFigure.Learners => true,
                LearningFigure.Cadres => f.Cadre,
                LearningFigure.Reserves => f.Reserve,
                LearningFigure.Members => f.Member,
                LearningFigure.Reached => reached,
                LearningFigure.NotReached => !reached,
                LearningFigure.NotStarted => f.TotalCenti == 0,
                _ => false,
            };
            if (counted) result.Add(f.PersonId);
        }
        return result;
    }
}
