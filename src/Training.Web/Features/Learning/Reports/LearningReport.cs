using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Assignments;
using Training.Web.Features.Statistics;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Learning.Reports;

/// <summary>
/// Computes the learning figures (<see cref="LearningFigures"/> says what each one is) set-based: one
/// query streams the persons of a set of villages with the categories on the day and the year's sums
/// read from <see cref="StudyHoursTotal"/> (never the ledger entry by entry, never a query per person),
/// one query lists the persons overdue on any assignment, one sums the hours per month. A report reads
/// each unit's own figures from its <see cref="LearningTally"/> row, computing only the stale ones again,
/// and adds them up the tree. The persons behind a number are chosen by the same <see cref="Classify"/>
/// that counted them.
/// </summary>
public sealed class LearningReport(TrainingDbContext db, ILogger<LearningReport>? log = null)
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

    /// <summary>The persons whose village is under <paramref name="path"/>.</summary>
    public IQueryable<Person> PersonsUnder(string path) => db.Persons.Where(p => OrgPaths.IsUnder(p.Village.Path, path));

    /// <summary>Each of <paramref name="persons"/> with the facts the figures need (one query, streamed).</summary>
    public IQueryable<LearnerFacts> Facts(IQueryable<Person> persons, int year, DateOnly day)
    {
        var posts = db.Posts.Where(Post.HeldOn(day));
        var pool = db.Reserves.Where(ReserveCandidate.InPoolOnDate(day));
        var totals = db.StudyHoursTotals.Where(t => t.Year == year);
        return persons.AsNoTracking()
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
    public Task<List<int>> OverdueIdsAsync(string path, int year, DateOnly day, CancellationToken ct) =>
        OverdueIdsAsync(persons => persons.Where(p => OrgPaths.IsUnder(p.Village.Path, path)), year, day, ct);

    private async Task<List<int>> OverdueIdsAsync(Func<IQueryable<Person>, IQueryable<Person>> narrow, int year, DateOnly day, CancellationToken ct) =>
        await AssignmentProgress.OverdueIdsAsync(db, await OverdueAssignmentsAsync(year, day, ct), day, narrow, ct);

    /// <summary>
    /// The figures of the persons <paramref name="narrow"/> keeps, per village (its own persons only), computed from the
    /// ledger aggregates: the facts streamed once, the overdue persons and the hours per month in one query each.
    /// </summary>
    internal async Task<Dictionary<int, UnitTally>> ComputeOwnAsync(Func<IQueryable<Person>, IQueryable<Person>> narrow, int year, DateOnly day, CancellationToken ct)
    {
        var targets = await TargetsAsync(year, ct);
        var result = new Dictionary<int, UnitTally>();
        UnitTally Of(int villageId) => result.TryGetValue(villageId, out var t) ? t : result[villageId] = new UnitTally();

        var villageOf = new Dictionary<int, int>();
        await foreach (var f in Facts(narrow(db.Persons), year, day).AsAsyncEnumerable().WithCancellation(ct))
        {
            villageOf[f.PersonId] = f.VillageId;
            var (learner, reached) = Classify(f, targets);
            if (!learner) continue;
            var t = Of(f.VillageId);
            t.Figures += new LearningFigures(1, f.Cadre ? 1 : 0, f.Reserve ? 1 : 0, f.Member ? 1 : 0, f.TotalCenti, f.RequiredCenti,
                reached ? 1 : 0, f.TotalCenti == 0 ? 1 : 0, 0);
        }
        foreach (var id in await OverdueIdsAsync(narrow, year, day, ct))
            if (villageOf.TryGetValue(id, out var villageId)) Of(villageId).Figures += LearningFigures.Zero with { Overdue = 1 };

        var months = await db.StudyHoursTotals.AsNoTracking().Where(t => t.Year == year && t.Month >= 1 && t.Month <= 12)
            .Join(narrow(db.Persons), t => t.PersonId, p => p.Id, (t, p) => new { p.VillageId, t.Month, Centi = t.RequiredCenti + t.ElectiveCenti })
            .GroupBy(x => new { x.VillageId, x.Month })
            .Select(g => new { g.Key.VillageId, g.Key.Month, Centi = g.Sum(x => x.Centi) })
            .ToListAsync(ct);
        foreach (var m in months) Of(m.VillageId).MonthsCenti[m.Month - 1] = m.Centi;
        return result;
    }

    /// <summary>
    /// Every unit under (and including) <paramref name="unit"/>, keyed by id, with the hours per month of the unit
    /// itself: the units' own figures from their <see cref="LearningTally"/> rows (computed again where stale,
    /// <see cref="LearningTallies"/>), added up the tree (a person belongs to one village, so the sums need no correction).
    /// </summary>
    public async Task<(Dictionary<int, LearningFigures> ByUnit, long[] MonthsCenti)> ComputeTreeAsync(Unit unit, int year, DateOnly day, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking().Where(u => OrgPaths.IsUnder(u.Path, unit.Path))
            .Select(u => new { u.Id, u.ParentId }).ToListAsync(ct);
        var parentOf = units.ToDictionary(u => u.Id, u => u.ParentId);
        var own = await new LearningTallies(db, this, log).CurrentAsync(unit.Path, units.Select(u => u.Id).ToList(), year, day, ct);

        var result = units.ToDictionary(u => u.Id, _ => LearningFigures.Zero);
        var months = new long[12];
        foreach (var (unitId, t) in own)
        {
            for (var m = 0; m < 12; m++) months[m] += t.MonthsCenti[m];
            if (t.Figures == LearningFigures.Zero) continue;
            for (int? id = unitId; id is { } current && parentOf.ContainsKey(current); id = parentOf[current])
                result[current] += t.Figures;
        }
        return (result, months);
    }

    /// <summary>Every unit under (and including) <paramref name="unit"/>, keyed by id.</summary>
    public async Task<Dictionary<int, LearningFigures>> ComputeUnderAsync(Unit unit, int year, DateOnly day, CancellationToken ct) =>
        (await ComputeTreeAsync(unit, year, day, ct)).ByUnit;

    /// <summary>The unit's own figures.</summary>
    public async Task<LearningFigures> ComputeAsync(Unit unit, int year, DateOnly day, CancellationToken ct) =>
        (await ComputeUnderAsync(unit, year, day, ct)).GetValueOrDefault(unit.Id, LearningFigures.Zero);

    /// <summary>The unit's figures, one row per direct child unit ordered by code, and the unit's 学时 per month of the year.</summary>
    public async Task<(LearningFigures Own, IReadOnlyList<UnitLearning> Children, decimal[] Months)> ComputeWithChildrenAsync(Unit unit, int year, DateOnly day, CancellationToken ct)
    {
        var (byUnit, months) = await ComputeTreeAsync(unit, year, day, ct);
        var children = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == unit.Id).OrderBy(u => u.Code)
            .Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        return (byUnit.GetValueOrDefault(unit.Id, LearningFigures.Zero),
            children.Select(c => new UnitLearning(c.Id, c.Code, c.Name, byUnit.GetValueOrDefault(c.Id, LearningFigures.Zero))).ToList(),
            months.Select(StudyHoursTotal.Hours).ToArray());
    }

    /// <summary>
    /// <see cref="ComputeWithChildrenAsync"/> kept in memory until a save changes what the learning figures follow: one
    /// entry for the report's page and the staff home's card, which shows the same unit's own figures.
    /// </summary>
    public Task<(LearningFigures Own, IReadOnlyList<UnitLearning> Children, decimal[] Months)> KeptWithChildrenAsync(
        FiguresMemo memo, Unit unit, int year, DateOnly day, CancellationToken ct) =>
        memo.GetAsync($"LearningTree|{unit.Id}|{year}|{day:yyyyMMdd}", LearningTallyStamps.Followed,
            ct => ComputeWithChildrenAsync(unit, year, day, ct), ct);

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
        var counts = await AssignmentProgress.CountManyAsync(db, assignments, day, persons => persons.Where(p => OrgPaths.IsUnder(p.Village.Path, path)), ct);
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
        await foreach (var f in Facts(PersonsUnder(unit.Path), year, day).AsAsyncEnumerable().WithCancellation(ct))
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
