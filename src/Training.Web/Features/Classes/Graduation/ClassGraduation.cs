using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Classes.Graduation;

/// <summary>Which participant of which class is to be evaluated (a page that lists participants has read these already).</summary>
public sealed record ParticipantKey(int Id, int PersonId, int ClassId);

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
        TrainingDbContext db, IQueryable<ClassParticipant> participants, DateOnly today, CancellationToken ct, FiguresMemo? memo = null) =>
        await EvaluateAsync(db, await participants.AsNoTracking().Select(p => new ParticipantKey(p.Id, p.PersonId, p.ClassId)).ToListAsync(ct),
            today, ct, memo);

    /// <summary>The participants a page has already read, evaluated today, by participant id.</summary>
    public static async Task<IReadOnlyDictionary<int, (int PersonId, GraduationResult Result, GraduationFacts Facts)>> EvaluateAsync(
        TrainingDbContext db, IReadOnlyCollection<ParticipantKey> participants, DateOnly today, CancellationToken ct, FiguresMemo? memo = null)
    {
        if (participants.Count == 0) return new Dictionary<int, (int, GraduationResult, GraduationFacts)>();
        var classIds = participants.Select(r => r.ClassId).Distinct().ToList();
        var terms = memo is null ? await TermsAsync(db, classIds, ct) : await TermsAsync(db, memo, classIds, ct);

        var facts = memo is null ? await FactsAsync(db, participants, terms, ct)
            : await memo.GetAsync($"GraduationFacts|{string.Join(',', participants.Select(p => p.Id).Order())}", Follows,
                c => FactsAsync(db, participants, terms, c), ct);
        return participants.ToDictionary(p => p.Id, p =>
            (p.PersonId, Training.Core.Domain.Graduation.Evaluate(terms[p.ClassId], facts[p.Id], today), facts[p.Id]));
    }

    /// <summary>Each participant's facts, read now by the participants' and persons' ids (a page's scope filter is not sent again).</summary>
    private static async Task<IReadOnlyDictionary<int, GraduationFacts>> FactsAsync(TrainingDbContext db,
        IReadOnlyCollection<ParticipantKey> participants, IReadOnlyDictionary<int, GraduationTerms> terms, CancellationToken ct)
    {
        // Sessions attended and the hours within the class's dates ride on the participants' own rows (correlated
        // subqueries over the attendance and the ledger's (person, day) index), in a query compiled once.
        var ids = participants.Select(p => p.Id).ToArray();
        var counted = new Dictionary<int, (int Attended, decimal Required, decimal Elective)>(ids.Length);
        await foreach (var f in FactsOf(db, ids).WithCancellation(ct))
            counted[f.Id] = (f.Attended, f.RequiredHours, f.ElectiveHours);

        // Required courses and quizzes are asked about only when some class has any (most have none): which of the
        // persons hold a standing credit for which of the courses, passed which of the quizzes.
        var personIds = participants.Select(p => p.PersonId).Distinct().ToArray();
        var credited = new HashSet<(int PersonId, int CourseId)>();
        var courseIds = terms.Values.SelectMany(t => t.Courses).Select(c => c.Id).Distinct().ToArray();
        if (courseIds.Length > 0)
            credited = (await StudyLedgerEntry.Standing(db.StudyLedger.AsNoTracking())
                    .Where(e => e.Source == StudySource.OnlineCourse && personIds.Contains(e.PersonId) && courseIds.Contains(e.SourceId!.Value))
                    .Select(e => new { e.PersonId, CourseId = e.SourceId!.Value })
                    .ToListAsync(ct))
                .Select(c => (c.PersonId, c.CourseId)).ToHashSet();
        var passed = new HashSet<(int PersonId, int LessonId)>();
        var lessonIds = terms.Values.SelectMany(t => t.Quizzes).Select(q => q.Id).Distinct().ToArray();
        if (lessonIds.Length > 0)
            passed = (await db.QuizAttempts.AsNoTracking()
                    .Where(a => a.Passed && personIds.Contains(a.PersonId) && lessonIds.Contains(a.LessonId))
                    .Select(a => new { a.PersonId, a.LessonId })
                    .ToListAsync(ct))
                .Select(q => (q.PersonId, q.LessonId)).ToHashSet();

        return participants.ToDictionary(p => p.Id, p =>
        {
            var t = terms[p.ClassId];
            var (attended, required, elective) = counted.GetValueOrDefault(p.Id);
            return new GraduationFacts(attended, required, elective,
                t.Courses.Where(c => credited.Contains((p.PersonId, c.Id))).Select(c => c.Id).ToHashSet(),
                t.Quizzes.Where(q => passed.Contains((p.PersonId, q.Id))).Select(q => q.Id).ToHashSet());
        });
    }

    private sealed record Counted(int Id, int Attended, decimal RequiredHours, decimal ElectiveHours);

    private static readonly Func<TrainingDbContext, int[], IAsyncEnumerable<Counted>> FactsOf = EF.CompileAsyncQuery(
        (TrainingDbContext db, int[] ids) => db.ClassParticipants.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new Counted(p.Id,
                db.SessionAttendance.Count(a => a.ParticipantId == p.Id && a.Present),
                db.StudyLedger
                    .Where(e => e.PersonId == p.PersonId && e.Required && e.On >= p.Class.StartOn && e.On <= p.Class.EndOn)
                    .Sum(e => e.Hours),
                db.StudyLedger
                    .Where(e => e.PersonId == p.PersonId && !e.Required && e.On >= p.Class.StartOn && e.On <= p.Class.EndOn)
                    .Sum(e => e.Hours))));

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

    /// <summary>
    /// What the facts count: a page keeps them until attendance, the ledger, a quiz attempt, the participants or the
    /// terms change — the ledger moves when a course is completed or a session recorded, not with every heartbeat,
    /// so a class's page is not read again for each of its viewers in between (the class page of 34 participants:
    /// a third of its CPU went into these queries).
    /// </summary>
    /// <remarks>Declared after <see cref="TermsFollow"/>: static fields are set in the order they are written.</remarks>
    public static readonly string[] Follows =
        [.. TermsFollow, .. DataStamps.SubjectsOf(typeof(SessionAttendance), typeof(StudyLedgerEntry), typeof(QuizAttempt), typeof(ClassParticipant))];

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
