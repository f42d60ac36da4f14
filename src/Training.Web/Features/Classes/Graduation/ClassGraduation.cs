using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure.Data;

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
    /// <param name="memo">Where pages keep the terms between requests (<see cref="TermsAsync(TrainingDbContext, FiguresMemo, IReadOnlyCollection{int}, CancellationToken)"/>); jobs pass none and read them.</param>
    public static async Task<IReadOnlyDictionary<int, (int PersonId, GraduationResult Result, GraduationFacts Facts)>> EvaluateAsync(
        TrainingDbContext db, IQueryable<ClassParticipant> participants, DateOnly today, CancellationToken ct, FiguresMemo? memo = null)
    {
        // Sessions attended and the hours within the class's dates ride on the participants' own rows (correlated
        // subqueries over the ledger's (person, day) index): one query instead of three set queries, each of
        // which carried the participants' filter again.
        var rows = await participants.AsNoTracking()
            .Select(p => new
            {
                p.Id, p.PersonId, p.ClassId,
                Attended = db.SessionAttendance.Count(a => a.ParticipantId == p.Id && a.Present),
                RequiredHours = db.StudyLedger
                    .Where(e => e.PersonId == p.PersonId && e.Required && e.On >= p.Class.StartOn && e.On <= p.Class.EndOn)
                    .Sum(e => e.Hours),
                ElectiveHours = db.StudyLedger
                    .Where(e => e.PersonId == p.PersonId && !e.Required && e.On >= p.Class.StartOn && e.On <= p.Class.EndOn)
                    .Sum(e => e.Hours),
            })
            .ToListAsync(ct);
        if (rows.Count == 0) return new Dictionary<int, (int, GraduationResult, GraduationFacts)>();
        var classIds = rows.Select(r => r.ClassId).Distinct().ToList();
        var terms = memo is null ? await TermsAsync(db, classIds, ct) : await TermsAsync(db, memo, classIds, ct);

        // Required courses and quizzes are asked about only when some class has any (most have none).
        var courses = new List<(int ParticipantId, int Id)>();
        if (classIds.Any(id => terms[id].Courses.Count > 0))
        {
            var standing = StudyLedgerEntry.Standing(db.StudyLedger).Where(e => e.Source == StudySource.OnlineCourse);
            courses = (await (
                    from p in participants
                    join r in db.Set<ClassRequiredCourse>() on p.ClassId equals r.ClassId
                    where standing.Any(e => e.PersonId == p.PersonId && e.SourceId == r.CourseId)
                    select new { ParticipantId = p.Id, r.CourseId })
                .ToListAsync(ct)).Select(x => (x.ParticipantId, x.CourseId)).ToList();
        }
        var quizzes = new List<(int ParticipantId, int Id)>();
        if (classIds.Any(id => terms[id].Quizzes.Count > 0))
        {
            quizzes = (await (
                    from p in participants
                    join r in db.Set<ClassRequiredQuiz>() on p.ClassId equals r.ClassId
                    where db.QuizAttempts.Any(a => a.PersonId == p.PersonId && a.LessonId == r.LessonId && a.Passed)
                    select new { ParticipantId = p.Id, r.LessonId })
                .ToListAsync(ct)).Select(x => (x.ParticipantId, x.LessonId)).ToList();
        }

        var coursesOf = courses.ToLookup(x => x.ParticipantId, x => x.Id);
        var quizzesOf = quizzes.ToLookup(x => x.ParticipantId, x => x.Id);
        return rows.ToDictionary(r => r.Id, r =>
        {
            var facts = new GraduationFacts(r.Attended, r.RequiredHours, r.ElectiveHours,
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

    /// <summary>
    /// The terms of each class, kept between requests until a class, its sessions or its required courses and
    /// quizzes (or their titles) change: they change when staff edit a class, and every view of a class, a
    /// trainee's classes and a person's page evaluates against them.
    /// </summary>
    public static Task<IReadOnlyDictionary<int, GraduationTerms>> TermsAsync(
        TrainingDbContext db, FiguresMemo memo, IReadOnlyCollection<int> classIds, CancellationToken ct) =>
        memo.GetAsync($"GraduationTerms|{string.Join(',', classIds.Order())}", TermsFollow, c => TermsAsync(db, classIds, c), ct);

    private static readonly string[] TermsFollow = DataStamps.SubjectsOf(
        typeof(TrainingClass), typeof(ClassSession), typeof(ClassRequiredCourse), typeof(ClassRequiredQuiz), typeof(Course), typeof(Lesson));

    /// <summary>The terms of each class, by id, read now: one query, and one for each kind of required item some class has.</summary>
    public static async Task<IReadOnlyDictionary<int, GraduationTerms>> TermsAsync(TrainingDbContext db, IReadOnlyCollection<int> classIds, CancellationToken ct)
    {
        var classes = await db.TrainingClasses.AsNoTracking().Where(c => classIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.StartOn, c.EndOn, c.CompletionPercent, c.RequiredHours, c.ElectiveHours, Sessions = c.Sessions.Count,
                Courses = c.RequiredCourses.Count, Quizzes = c.RequiredQuizzes.Count,
            })
            .ToListAsync(ct);
        var withCourses = classes.Where(c => c.Courses > 0).Select(c => c.Id).ToList();
        var withQuizzes = classes.Where(c => c.Quizzes > 0).Select(c => c.Id).ToList();
        var courses = withCourses.Count == 0 ? [] : (await db.Set<ClassRequiredCourse>().AsNoTracking()
                .Where(r => withCourses.Contains(r.ClassId))
                .OrderBy(r => r.Course.Title).ThenBy(r => r.CourseId)
                .Select(r => new { r.ClassId, r.CourseId, r.Course.Title })
                .ToListAsync(ct))
            .Select(x => (x.ClassId, Item: new GraduationItem(x.CourseId, x.Title))).ToList();
        var quizzes = withQuizzes.Count == 0 ? [] : (await db.Set<ClassRequiredQuiz>().AsNoTracking()
                .Where(r => withQuizzes.Contains(r.ClassId))
                .OrderBy(r => r.Lesson.Course.Title).ThenBy(r => r.Lesson.Order)
                .Select(r => new { r.ClassId, r.LessonId, r.Lesson.Title, Course = r.Lesson.Course.Title })
                .ToListAsync(ct))
            .Select(x => (x.ClassId, Item: new GraduationItem(x.LessonId, GraduationTexts.QuizItem(x.Course, x.Title)))).ToList();
        var coursesOf = courses.ToLookup(x => x.ClassId, x => x.Item);
        var quizzesOf = quizzes.ToLookup(x => x.ClassId, x => x.Item);
        return classes.ToDictionary(c => c.Id, c => new GraduationTerms(c.StartOn, c.EndOn, c.CompletionPercent, c.Sessions,
            c.RequiredHours, c.ElectiveHours, coursesOf[c.Id].ToList(), quizzesOf[c.Id].ToList()));
    }
}
