using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Infrastructure;
using Training.Core.Domain;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Features.Classes.Graduation;

namespace Training.Web.Features.People.Persons;

/// <summary>
/// One person's whole story: posts, education history, degree study, reserve status, 结对帮带
/// (as reserve or as mentor), 跟班学习 and 培训班. Outside the scope: 404; inside it, everything
/// about the person is shown, and staff get links to the records (a trainee its own classes).
/// </summary>
[Authorize(Policy = PeoplePermissions.PersonDetails)]
public sealed class DetailsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    public PersonView Person { get; private set; } = null!;
    public IReadOnlyList<PostRow> Posts { get; private set; } = [];
    public IReadOnlyList<EducationRow> Education { get; private set; } = [];
    public IReadOnlyList<EnrollmentRow> Enrollments { get; private set; } = [];
    public IReadOnlyList<ReserveRow> Reserves { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public sealed record PersonView(int Id, string Name, Sex Sex, DateOnly BirthDate, string IdNumber, string? Phone,
        PoliticalStatus PoliticalStatus, Education Education, int VillageId, string VillageName, string VillageCode, string TownshipName);
    public sealed record PostRow(string VillageName, PostType Type, DateOnly Start, DateOnly? End);
    public sealed record EducationRow(Education Level, DateOnly? EffectiveOn, EducationSource Source, string Note);
    public sealed record EnrollmentRow(int Year, string School, string Program, DegreeLevel Level, EnrollmentState State,
        DateOnly? AdmittedOn, DateOnly? GraduatedOn);
    public sealed record ReserveRow(int Id, ReserveTarget Target, ReserveState State, DateOnly RecommendedOn, DateOnly? InPoolOn, DateOnly? LeftPoolOn, string? Reason);
    /// <summary>Each candidacy's steps, oldest first (村推 → 镇选 → 区考察 → 任用/退出).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Features.Reserves.DetailModel.Step>> ReserveTimelines { get; private set; } =
        new Dictionary<int, IReadOnlyList<Features.Reserves.DetailModel.Step>>();
    public bool MayOpenReserves => me.OrgPath is not null;
    /// <summary>Staff open the mentoring, shadowing and class records; a trainee has only its own classes page.</summary>
    public bool IsStaff => me.OrgPath is not null;

    public IReadOnlyList<PairRow> PairsAsReserve { get; private set; } = [];
    public IReadOnlyList<PairRow> PairsAsMentor { get; private set; } = [];
    public IReadOnlyList<ShadowingRow> Shadowings { get; private set; } = [];
    public IReadOnlyList<ClassRow> Classes { get; private set; } = [];

    /// <summary>A pair seen from either side: <see cref="Other"/> is the mentor (as reserve) or the reserve (as mentor).</summary>
    public sealed record PairRow(int Id, string Other, DateOnly StartOn, DateOnly EndOn, string Goals, string? EndReason,
        bool Overdue, IReadOnlyList<EvaluationRow> Latest);
    public sealed record EvaluationRow(DateOnly On, Rating Rating, string Text);
    public sealed record ShadowingRow(int Id, string Township, string Department, DateOnly StartOn, DateOnly EndOn, Rating? Rating, string? Evaluation);
    public sealed record ClassRow(int Id, string Name, string Owner, DateOnly StartOn, DateOnly EndOn, int Attended, int Sessions, ClassCompletion Completion);

    /// <summary>How many evaluations of a pair the page shows, newest first.</summary>
    public const int LatestEvaluations = 3;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Today = clock.Today();
        // The whole story is kept (per person, day and — as every kept figure — the account's scope) until any record
        // it shows changes: the page sent nine small queries on every view (2.0–2.4 ms of the request under load).
        var story = await memo.GetAsync($"PersonStory|{id}|{Today:yyyyMMdd}", StoryFollows, c => ReadAsync(id, c), ct);
        if (story is null) return NotFound();
        (Person, Posts, Education, Enrollments, Reserves, ReserveTimelines) =
            (story.Person, story.Posts, story.Education, story.Enrollments, story.Reserves, story.ReserveTimelines);
        (PairsAsReserve, PairsAsMentor, Shadowings, Classes) = (story.PairsAsReserve, story.PairsAsMentor, story.Shadowings, story.Classes);
        return Page();
    }

    private sealed record Story(PersonView Person, IReadOnlyList<PostRow> Posts, IReadOnlyList<EducationRow> Education,
        IReadOnlyList<EnrollmentRow> Enrollments, IReadOnlyList<ReserveRow> Reserves,
        IReadOnlyDictionary<int, IReadOnlyList<Features.Reserves.DetailModel.Step>> ReserveTimelines,
        IReadOnlyList<PairRow> PairsAsReserve, IReadOnlyList<PairRow> PairsAsMentor, IReadOnlyList<ShadowingRow> Shadowings,
        IReadOnlyList<ClassRow> Classes);

    /// <summary>Every kind of record the story reads, and what a class's graduation counts.</summary>
    private static readonly string[] StoryFollows =
    [
        .. DataStamps.SubjectsOf(typeof(Person), typeof(OrgUnit), typeof(Post), typeof(EducationRecord), typeof(Enrollment),
            typeof(StudyProgram), typeof(School), typeof(ReserveCandidate), typeof(ReserveTransition), typeof(MentorPair),
            typeof(MentorEvaluation), typeof(Shadowing)),
        .. ClassGraduation.Follows,
    ];

    private async Task<Story?> ReadAsync(int id, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().InScope(me).Where(p => p.Id == id)
            .Select(p => new PersonView(p.Id, p.Name, p.Sex, p.BirthDate, p.IdNumber, p.Phone, p.PoliticalStatus,
                p.Education, p.VillageId, p.Village.Name, p.Village.Code, p.Village.Parent!.Name))
            .SingleOrDefaultAsync(ct);
        if (person is null) return null;

        var posts = await db.Posts.AsNoTracking().Where(p => p.PersonId == id)
            .OrderByDescending(p => p.StartDate)
            .Select(p => new PostRow(p.Village.Name, p.Type, p.StartDate, p.EndDate)).ToListAsync(ct);
        var education = await db.EducationRecords.AsNoTracking().Where(r => r.PersonId == id)
            .OrderBy(r => r.EffectiveOn).ThenBy(r => r.RecordedAt)
            .Select(r => new EducationRow(r.Level, r.EffectiveOn, r.Source, r.Note)).ToListAsync(ct);
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.PersonId == id)
            .OrderByDescending(e => e.Year)
            .Select(e => new EnrollmentRow(e.Year, e.Program.School.Name, e.Program.Name, e.Level, e.State, e.AdmittedOn, e.GraduatedOn))
            .ToListAsync(ct);
        var reserves = await db.Reserves.AsNoTracking().Where(r => r.PersonId == id)
            .OrderByDescending(r => r.RecommendedOn).ThenByDescending(r => r.Id)
            .Select(r => new ReserveRow(r.Id, r.Target, r.State, r.RecommendedOn, r.InPoolOn, r.LeftPoolOn, r.Reason)).ToListAsync(ct);
        // Most persons were never candidates: the queries that can only find something for a candidacy are not sent.
        var timelines = reserves.Count > 0
            ? await Features.Reserves.ReserveTimeline.ForManyAsync(db, reserves.Select(r => r.Id).ToList(), ct)
            : new Dictionary<int, IReadOnlyList<Features.Reserves.DetailModel.Step>>();
        var (asReserve, asMentor) = await PairsAsync(id, ct);
        // 跟班学习 is arranged for a candidacy.
        var shadowings = reserves.Count == 0 ? [] : await db.Shadowings.AsNoTracking().Where(s => s.Reserve.PersonId == id)
            .OrderByDescending(s => s.StartOn)
            .Select(s => new ShadowingRow(s.Id, s.Township.Name, s.Department, s.StartOn, s.EndOn, s.Rating, s.Evaluation))
            .ToListAsync(ct);
        return new Story(person, posts, education, enrollments, reserves, timelines, asReserve, asMentor, shadowings,
            await ClassesAsync(id, ct));
    }

    private async Task<(IReadOnlyList<PairRow> AsReserve, IReadOnlyList<PairRow> AsMentor)> PairsAsync(int id, CancellationToken ct)
    {
        // The pairs of the person as a reserve and as a mentor, each found by its own index: one condition with OR
        // over both made SQLite read every pair of the city (4 ms, 40 at province scale).
        var pairs = await db.MentorPairs.AsNoTracking().Where(p => p.Reserve.PersonId == id)
            .Union(db.MentorPairs.AsNoTracking().Where(p => p.MentorId == id))
            .OrderByDescending(p => p.StartOn)
            .Select(p => new
            {
                p.Id, AsReserve = p.Reserve.PersonId == id, Mentor = p.Mentor.Name, Reserve = p.Reserve.Person.Name,
                p.StartOn, p.EndOn, p.Goals, p.EndReason, p.LastEvaluatedOn,
            })
            .ToListAsync(ct);
        if (pairs.Count == 0) return ([], []);
        var ids = pairs.Select(p => p.Id).ToList();
        // The pairs' evaluations in a query of their own: "the latest three of each pair" inside the pairs'
        // query made the database number every evaluation of the city (48 ms); a pair has a few dozen at most.
        var latest = (await db.MentorEvaluations.AsNoTracking().Where(e => ids.Contains(e.PairId))
                .Select(e => new { e.PairId, e.Id, Row = new EvaluationRow(e.On, e.Rating, e.Text) }).ToListAsync(ct))
            .GroupBy(e => e.PairId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EvaluationRow>)g.OrderByDescending(e => e.Row.On).ThenByDescending(e => e.Id)
                .Take(LatestEvaluations).Select(e => e.Row).ToList());
        IReadOnlyList<EvaluationRow> LatestOf(int pairId) => latest.GetValueOrDefault(pairId) ?? [];
        bool Overdue(DateOnly startOn, DateOnly endOn, DateOnly? lastEvaluatedOn) => MentorPair.IsOverdue(startOn, endOn, lastEvaluatedOn, Today);
        return (
            pairs.Where(p => p.AsReserve)
                .Select(p => new PairRow(p.Id, p.Mentor, p.StartOn, p.EndOn, p.Goals, p.EndReason, Overdue(p.StartOn, p.EndOn, p.LastEvaluatedOn), LatestOf(p.Id))).ToList(),
            pairs.Where(p => !p.AsReserve)
                .Select(p => new PairRow(p.Id, p.Reserve, p.StartOn, p.EndOn, p.Goals, p.EndReason, Overdue(p.StartOn, p.EndOn, p.LastEvaluatedOn), LatestOf(p.Id))).ToList());
    }

    private async Task<IReadOnlyList<ClassRow>> ClassesAsync(int id, CancellationToken ct)
    {
        var classes = await db.ClassParticipants.AsNoTracking().Where(x => x.PersonId == id)
            .OrderByDescending(x => x.Class.StartOn)
            .Select(x => new
            {
                ParticipantId = x.Id, x.Class.Id, x.Class.Name, Owner = x.Class.Owner.Name, x.Class.StartOn, x.Class.EndOn,
                Sessions = x.Class.Sessions.Count(),
            })
            .ToListAsync(ct);
        if (classes.Count == 0) return []; // in no class
        var graduation = await ClassGraduation.EvaluateAsync(db,
            classes.Select(c => new ParticipantKey(c.ParticipantId, id, c.Id)).ToList(), Today, ct, memo: memo);
        return classes.Select(c => new ClassRow(c.Id, c.Name, c.Owner, c.StartOn, c.EndOn, graduation[c.ParticipantId].Facts.Attended, c.Sessions,
            graduation[c.ParticipantId].Result.Completion)).ToList();
    }
}
