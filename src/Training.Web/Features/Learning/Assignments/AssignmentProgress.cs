using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.Learning.Assignments;

/// <summary>Where an assigned person stands on an assignment's course.</summary>
public enum AssignmentStanding { Completed, InProgress, NotStarted, Overdue }

/// <summary>
/// Where the persons an assignment gives its course to stand, as one rule for the assignment's page and
/// the learning report (LEARNING.md §7): 已完成 — the course is in their ledger (a standing entry,
/// <see cref="StudyLedgerEntry.Standing"/>, whenever they finished it); otherwise, once the deadline has
/// passed, 已逾期; before it, 学习中 when a lesson has credited time or is completed, else 未开始.
/// Who is assigned is <see cref="AssignmentMembers.Of"/> on the day asked (never stored).
/// </summary>
public static class AssignmentProgress
{
    /// <summary>
    /// Every subject whose save can move a person between the standings: what a count kept in memory is checked against.
    /// Who is assigned (<see cref="AssignmentMembers"/>: posts, the pool, party membership, the admitted of a cohort, a
    /// class's places, units), who completed (course credits, not a class's attendance credits) and who started.
    /// </summary>
    public static readonly string[] Follows =
    [
        .. DataStamps.SubjectsOf(typeof(Assignment), typeof(Person), typeof(Post), typeof(ClassParticipant), typeof(OrgUnit), typeof(Course),
            typeof(Lesson), typeof(LessonProgress)),
        DataFacets.AdmittedEnrollment, DataFacets.PooledReserve, DataFacets.CourseCredit,
    ];

    /// <summary>Init-only (not positional), so that EF can still filter and count on the projection's members.</summary>
    public sealed record MemberRow
    {
        public int PersonId { get; init; }
        public string Name { get; init; } = "";
        public string IdNumber { get; init; } = "";
        public int VillageId { get; init; }
        public string Village { get; init; } = "";
        public string Township { get; init; } = "";
        /// <summary>The village's path: the order lists go in (township, then village), which SQLite reads from the path index without sorting everyone.</summary>
        public string VillagePath { get; init; } = "";
        public bool Completed { get; init; }
        public bool Started { get; init; }
    }

    /// <summary>The counts of each standing among <see cref="Members"/>.</summary>
    public sealed record Counts(int Total, int Completed, int InProgress, int NotStarted, int Overdue)
    {
        public static readonly Counts Zero = new(0, 0, 0, 0, 0);

        public int Of(AssignmentStanding s) => s switch
        {
            AssignmentStanding.Completed => Completed,
            AssignmentStanding.InProgress => InProgress,
            AssignmentStanding.NotStarted => NotStarted,
            _ => Overdue,
        };
    }

    /// <summary>Whether the assignment's deadline has passed on <paramref name="day"/>.</summary>
    public static bool IsOverdueOn(DateOnly dueOn, DateOnly day) => day > dueOn;

    /// <summary>
    /// The persons <paramref name="a"/> assigns on <paramref name="day"/> (<see cref="AssignmentMembers.Of"/>, its Unit loaded),
    /// narrowed by <paramref name="narrow"/> (the viewer's scope, a unit), with whether each completed or started the course.
    /// </summary>
    public static IQueryable<MemberRow> Members(TrainingDbContext db, Assignment a, DateOnly day, Func<IQueryable<Person>, IQueryable<Person>> narrow)
    {
        var courseId = a.CourseId;
        var lessons = db.Lessons.Where(l => l.CourseId == courseId).Select(l => l.Id);
        var credits = StudyLedgerEntry.Standing(db.StudyLedger).Where(e => e.Source == StudySource.OnlineCourse && e.SourceId == courseId);
        return narrow(AssignmentMembers.Of(db, a, day))
            .Select(p => new MemberRow
            {
                PersonId = p.Id, Name = p.Name, IdNumber = p.IdNumber, VillageId = p.VillageId, Village = p.Village.Name, Township = p.Village.Parent!.Name, VillagePath = p.Village.Path,
                Completed = credits.Any(e => e.PersonId == p.Id),
                Started = db.LessonProgress.Any(x => x.PersonId == p.Id && lessons.Contains(x.LessonId) && (x.CreditedSeconds > 0 || x.CompletedAt != null)),
            });
    }

    /// <summary>The counts, in one query.</summary>
    public static async Task<Counts> CountAsync(IQueryable<MemberRow> members, bool overdue, CancellationToken ct)
    {
        var c = await members.GroupBy(_ => 1)
            .Select(g => new
            {
                Total = g.Count(),
                Completed = g.Sum(m => m.Completed ? 1 : 0),
                Started = g.Sum(m => !m.Completed && m.Started ? 1 : 0),
            })
            .SingleOrDefaultAsync(ct);
        return c is null ? Counts.Zero : Split(c.Total, c.Completed, c.Started, overdue);
    }

    /// <summary>Of <paramref name="total"/> assigned, <paramref name="completed"/> credited and <paramref name="started"/> more under way: the four standings.</summary>
    private static Counts Split(int total, int completed, int started, bool overdue)
    {
        var rest = total - completed - started;
        return overdue ? new Counts(total, completed, 0, 0, started + rest) : new Counts(total, completed, started, rest, 0);
    }

    /// <summary>Assignments that give their course to the same persons (same target, same day).</summary>
    private static (AssignmentTarget, int?, int?, int?, AssignedCategory?) TargetOf(Assignment a) => (a.Target, a.CohortId, a.ClassId, a.UnitId, a.Category);

    /// <summary>
    /// <see cref="CountAsync"/> for many assignments at once (the learning report's table), by the same rule, with
    /// plain queries read into sets: the members once per distinct target, the standing credits and the started
    /// lessons of all the courses once. A pass over the members per assignment took seconds for 100 courses given to
    /// the city's 两委干部, and SQLite 3.53 planned the correlated form of it badly. The assignments need their Unit loaded.
    /// </summary>
    public static async Task<Dictionary<int, Counts>> CountManyAsync(TrainingDbContext db, IReadOnlyList<Assignment> assignments, DateOnly day,
        Func<IQueryable<Person>, IQueryable<Person>> narrow, CancellationToken ct)
    {
        var courseIds = assignments.Select(a => a.CourseId).Distinct().ToList();
        var (credited, started) = await CourseFactsAsync(db, courseIds, narrow, withStarts: true, ct);
        var result = new Dictionary<int, Counts>();
        foreach (var group in assignments.GroupBy(TargetOf))
        {
            var members = (await narrow(AssignmentMembers.Of(db, group.First(), day)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
            foreach (var a in group)
            {
                var done = members.Count(id => credited.Contains((id, a.CourseId)));
                var going = members.Count(id => !credited.Contains((id, a.CourseId)) && started.Contains((id, a.CourseId)));
                result[a.Id] = Split(members.Count, done, going, IsOverdueOn(a.DueOn, day));
            }
        }
        return result;
    }

    /// <summary>
    /// The distinct persons overdue on any of <paramref name="assignments"/> on <paramref name="day"/> by the rule above
    /// (assigned, deadline passed, course not credited): the members of each distinct target and the standing credits
    /// of the overdue courses read once, compared in memory.
    /// </summary>
    public static async Task<List<int>> OverdueIdsAsync(TrainingDbContext db, IReadOnlyList<Assignment> assignments, DateOnly day,
        Func<IQueryable<Person>, IQueryable<Person>> narrow, CancellationToken ct)
    {
        var late = assignments.Where(a => IsOverdueOn(a.DueOn, day)).ToList();
        if (late.Count == 0) return [];
        var (credited, _) = await CourseFactsAsync(db, late.Select(a => a.CourseId).Distinct().ToList(), narrow, withStarts: false, ct);
        var overdue = new HashSet<int>();
        foreach (var group in late.GroupBy(TargetOf))
        {
            var courses = group.Select(a => a.CourseId).Distinct().ToList();
            foreach (var id in await narrow(AssignmentMembers.Of(db, group.First(), day)).Select(p => p.Id).ToListAsync(ct))
                if (courses.Any(c => !credited.Contains((id, c)))) overdue.Add(id);
        }
        return overdue.ToList();
    }

    /// <summary>(person, course) pairs of the narrowed persons: standing credits of the courses, and (when asked) lessons of them started.</summary>
    private static async Task<(HashSet<(int, int)> Credited, HashSet<(int, int)> Started)> CourseFactsAsync(TrainingDbContext db, List<int> courseIds,
        Func<IQueryable<Person>, IQueryable<Person>> narrow, bool withStarts, CancellationToken ct)
    {
        var persons = narrow(db.Persons);
        var credited = (await StudyLedgerEntry.Standing(db.StudyLedger)
                .Where(e => e.Source == StudySource.OnlineCourse && e.SourceId != null && courseIds.Contains(e.SourceId.Value))
                .Join(persons, e => e.PersonId, p => p.Id, (e, p) => new { e.PersonId, Course = e.SourceId!.Value })
                .ToListAsync(ct))
            .Select(x => (x.PersonId, x.Course)).ToHashSet();
        if (!withStarts) return (credited, []);
        var started = (await db.LessonProgress.Where(x => x.CreditedSeconds > 0 || x.CompletedAt != null)
                .Join(db.Lessons.Where(l => courseIds.Contains(l.CourseId)), x => x.LessonId, l => l.Id, (x, l) => new { x.PersonId, l.CourseId })
                .Join(persons, x => x.PersonId, p => p.Id, (x, p) => x)
                .Distinct().ToListAsync(ct))
            .Select(x => (x.PersonId, x.CourseId)).ToHashSet();
        return (credited, started);
    }

    /// <summary>The members in one standing.</summary>
    public static IQueryable<MemberRow> In(this IQueryable<MemberRow> members, AssignmentStanding standing, bool overdue) => standing switch
    {
        AssignmentStanding.Completed => members.Where(m => m.Completed),
        AssignmentStanding.InProgress => members.Where(m => !m.Completed && m.Started && !overdue),
        AssignmentStanding.NotStarted => members.Where(m => !m.Completed && !m.Started && !overdue),
        _ => members.Where(m => !m.Completed && overdue),
    };

    /// <summary>One member's standing.</summary>
    public static AssignmentStanding Of(MemberRow m, bool overdue) =>
        m.Completed ? AssignmentStanding.Completed : overdue ? AssignmentStanding.Overdue : m.Started ? AssignmentStanding.InProgress : AssignmentStanding.NotStarted;

    /// <summary>The standing's name as the pages show it.</summary>
    public static string Label(this AssignmentStanding s) => s switch
    {
        AssignmentStanding.Completed => AssignmentTexts.Completed,
        AssignmentStanding.InProgress => AssignmentTexts.InProgress,
        AssignmentStanding.NotStarted => AssignmentTexts.NotStarted,
        _ => AssignmentTexts.Overdue,
    };
}
