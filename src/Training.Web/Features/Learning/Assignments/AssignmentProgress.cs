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
    /// <summary>Init-only (not positional), so that EF can still filter and count on the projection's members.</summary>
    public sealed record MemberRow
    {
        public int PersonId { get; init; }
        public string Name { get; init; } = "";
        public string IdNumber { get; init; } = "";
        public int VillageId { get; init; }
        public string Village { get; init; } = "";
        public string Township { get; init; } = "";
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
                PersonId = p.Id, Name = p.Name, IdNumber = p.IdNumber, VillageId = p.VillageId, Village = p.Village.Name, Township = p.Village.Parent!.Name,
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
        if (c is null) return Counts.Zero;
        var rest = c.Total - c.Completed - c.Started;
        return overdue
            ? new Counts(c.Total, c.Completed, 0, 0, c.Started + rest)
            : new Counts(c.Total, c.Completed, c.Started, rest, 0);
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
