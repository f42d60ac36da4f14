using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.Classes.Graduation;

/// <summary>A participant who meets every condition of the class (已结业) and the 学时 the ledger holds for them within its dates.</summary>
public sealed record Graduate(int ParticipantId, int PersonId, decimal Hours);

/// <summary>
/// Reads what <see cref="Training.Core.Domain.Graduation"/> needs for many participants at once — the classes' terms,
/// sessions attended, 必修/选修 hours within each class's dates, required courses whose credit stands in the ledger
/// and required quizzes passed — in a fixed number of set queries whatever the number of participants, and evaluates
/// each. The one place that says whether a participant has graduated: the class page, the participant's own page,
/// a person's page and certificates all ask here.
/// </summary>
public static class ClassGraduation
{
    /// <summary>The participants <paramref name="participants"/> selects (any filter: one class, one person, a scope), evaluated today, by participant id.</summary>
    public static async Task<IReadOnlyDictionary<int, (int PersonId, GraduationResult Result, GraduationFacts Facts)>> EvaluateAsync(
        TrainingDbContext db, IQueryable<ClassParticipant> participants, DateOnly today, CancellationToken ct)
    {
        var rows = await participants.AsNoTracking().Select(p => new { p.Id, p.PersonId, p.ClassId }).ToListAsync(ct);
        if (rows.Count == 0) return new Dictionary<int, (int, GraduationResult, GraduationFacts)>();
        var terms = await TermsAsync(db, rows.Select(r => r.ClassId).Distinct().ToList(), ct);

        var ids = participants.Select(p => p.Id);
        var attended = await db.SessionAttendance.AsNoTracking()
            .Where(a => a.Present && ids.Contains(a.ParticipantId))
            .GroupBy(a => a.ParticipantId)
            .Select(g => new { ParticipantId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.ParticipantId, x => x.Count, ct);
        var hours = await (
                from p in participants
                join e in db.StudyLedger on p.PersonId equals e.PersonId
                where e.On >= p.Class.StartOn && e.On <= p.Class.EndOn
                group e.Hours by new { ParticipantId = p.Id, e.Required } into g
                select new { g.Key.ParticipantId, g.Key.Required, Hours = g.Sum() })
            .ToListAsync(ct);
        var standing = StudyLedgerEntry.Standing(db.StudyLedger).Where(e => e.Source == StudySource.OnlineCourse);
        var courses = await (
                from p in participants
                join r in db.Set<ClassRequiredCourse>() on p.ClassId equals r.ClassId
                where standing.Any(e => e.PersonId == p.PersonId && e.SourceId == r.CourseId)
                select new { ParticipantId = p.Id, r.CourseId })
            .ToListAsync(ct);
        var quizzes = await (
                from p in participants
                join r in db.Set<ClassRequiredQuiz>() on p.ClassId equals r.ClassId
                where db.QuizAttempts.Any(a => a.PersonId == p.PersonId && a.LessonId == r.LessonId && a.Passed)
                select new { ParticipantId = p.Id, r.LessonId })
            .ToListAsync(ct);

        var coursesOf = courses.ToLookup(x => x.ParticipantId, x => x.CourseId);
        var quizzesOf = quizzes.ToLookup(x => x.ParticipantId, x => x.LessonId);
        var hoursOf = hours.ToLookup(x => x.ParticipantId);
        return rows.ToDictionary(r => r.Id, r =>
        {
            var facts = new GraduationFacts(
                attended.GetValueOrDefault(r.Id),
                hoursOf[r.Id].Where(h => h.Required).Sum(h => h.Hours),
                hoursOf[r.Id].Where(h => !h.Required).Sum(h => h.Hours),
                coursesOf[r.Id].ToHashSet(), quizzesOf[r.Id].ToHashSet());
            return (r.PersonId, Training.Core.Domain.Graduation.Evaluate(terms[r.ClassId], facts, today), facts);
        });
    }

    /// <summary>The class's participants who have graduated today.</summary>
    public static async Task<IReadOnlyList<Graduate>> GraduatesAsync(TrainingDbContext db, int classId, DateOnly today, CancellationToken ct) =>
        GraduatesOf(await EvaluateAsync(db, db.ClassParticipants.Where(p => p.ClassId == classId), today, ct));

    /// <summary>The person as a graduate of the class today; null when not a participant or not (yet) graduated.</summary>
    public static async Task<Graduate?> GraduateAsync(TrainingDbContext db, int classId, int personId, DateOnly today, CancellationToken ct) =>
        GraduatesOf(await EvaluateAsync(db, db.ClassParticipants.Where(p => p.ClassId == classId && p.PersonId == personId), today, ct))
            .SingleOrDefault();

    private static IReadOnlyList<Graduate> GraduatesOf(IReadOnlyDictionary<int, (int PersonId, GraduationResult Result, GraduationFacts Facts)> evaluated) =>
        evaluated.Where(x => x.Value.Result.Graduated)
            .Select(x => new Graduate(x.Key, x.Value.PersonId, x.Value.Facts.Hours))
            .OrderBy(g => g.ParticipantId)
            .ToList();

    /// <summary>The terms of each class, by id.</summary>
    public static async Task<IReadOnlyDictionary<int, GraduationTerms>> TermsAsync(TrainingDbContext db, IReadOnlyCollection<int> classIds, CancellationToken ct)
    {
        var classes = await db.TrainingClasses.AsNoTracking().Where(c => classIds.Contains(c.Id))
            .Select(c => new { c.Id, c.StartOn, c.EndOn, c.CompletionPercent, c.RequiredHours, c.ElectiveHours, Sessions = c.Sessions.Count })
            .ToListAsync(ct);
        var courses = await db.Set<ClassRequiredCourse>().AsNoTracking().Where(r => classIds.Contains(r.ClassId))
            .OrderBy(r => r.Course.Title).ThenBy(r => r.CourseId)
            .Select(r => new { r.ClassId, Item = new GraduationItem(r.CourseId, r.Course.Title) })
            .ToListAsync(ct);
        var quizzes = await db.Set<ClassRequiredQuiz>().AsNoTracking().Where(r => classIds.Contains(r.ClassId))
            .OrderBy(r => r.Lesson.Course.Title).ThenBy(r => r.Lesson.Order)
            .Select(r => new { r.ClassId, r.LessonId, r.Lesson.Title, Course = r.Lesson.Course.Title })
            .ToListAsync(ct);
        var coursesOf = courses.ToLookup(x => x.ClassId, x => x.Item);
        var quizzesOf = quizzes.ToLookup(x => x.ClassId, x => new GraduationItem(x.LessonId, GraduationTexts.QuizItem(x.Course, x.Title)));
        return classes.ToDictionary(c => c.Id, c => new GraduationTerms(c.StartOn, c.EndOn, c.CompletionPercent, c.Sessions,
            c.RequiredHours, c.ElectiveHours, coursesOf[c.Id].ToList(), quizzesOf[c.Id].ToList()));
    }
}
