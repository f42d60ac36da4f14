using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Features.Classes.Graduation;
using Training.Web.Features.Classes.Participants;
using Training.Web.Features.Classes.Sessions;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Classes;

/// <summary>
/// One class: its terms, its sessions (with whether attendance was taken) and its participants
/// as far as the account's scope reaches (a township sees only its own people), each with the
/// sessions attended and whether they complete. The steps taken here live in their own folders
/// (Sessions/AddSession, Sessions/RemoveSession, Participants/Enrol, Participants/RemoveParticipant);
/// this page finds persons to enrol and answers each step the one way (PageAnswers).
/// </summary>
[Authorize(Policy = ClassesPermissions.View)]
public sealed class DetailsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    public const int SearchLimit = 30;

    /// <summary>Name typed in the 报名 search (a GET: names only, ID numbers never go into a URL).</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>An ID number to look up, posted (PRODUCT.md §4: never in URLs or logs).</summary>
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public int PersonId { get; set; }
    [BindProperty] public string? SessionOn { get; set; }
    [BindProperty] public string? SessionTitle { get; set; }
    [BindProperty] public SessionLength SessionLength { get; set; }

    public sealed record ClassView(int Id, string Name, string OwnerName, string OwnerPath, DateOnly StartOn, DateOnly EndOn,
        int Capacity, Sex? SexOnly, ClassAudience Audience, int CompletionPercent, string? Description,
        string CreatedBy, DateTime CreatedAt, Guid Version, int Enrolled)
    {
        public string AudienceText => ClassAudienceNames.Describe(SexOnly, Audience);
    }

    public sealed record SessionRow(int Id, DateOnly On, string Title, SessionLength Length, int Marked, int Present)
    {
        public bool Taken => Marked > 0;
    }

    public sealed record ParticipantRow(int Id, int PersonId, string Name, Sex Sex, string VillageName, string TownshipName,
        int Attended, GraduationResult Graduation)
    {
        public ClassCompletion Completion => Graduation.Completion;
    }

    public sealed record PersonChoice(int Id, string Name, Sex Sex, string IdNumber, string VillageName, string TownshipName, bool Enrolled);

    public ClassView Class { get; private set; } = null!;
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    public IReadOnlyList<ParticipantRow> Participants { get; private set; } = [];
    public IReadOnlyList<PersonChoice> Found { get; private set; } = [];
    /// <summary>The graduation conditions beyond attendance, in words.</summary>
    public string Conditions { get; private set; } = "";
    public DateOnly Today { get; private set; }
    /// <summary>The unit running the class (or one above it): sessions, attendance, terms, enrolment.</summary>
    public bool MayManage { get; private set; }
    /// <summary>May enrol (and take off) persons of its own scope: the managers, and a district for a class run by the city.</summary>
    public bool MayEnrol { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>按身份证号查找: answered in place, so the number stays out of the address bar and the logs.</summary>
    public async Task<IActionResult> OnPostFindAsync(int id, CancellationToken ct)
    {
        Q = null;
        if (!ResidentId.TryParse(IdNumber, clock.Today(), out var parsed, out var error))
        {
            ModelState.AddModelError("", error);
            return await AgainAsync(id, ct);
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayEnrol) return Forbid();
        Found = await SearchAsync(id, Class.OwnerPath, people => people.Where(p => p.IdNumber == parsed.Value), ct);
        if (Found.Count == 0) ModelState.AddModelError("", ClassesTexts.NoneWithIdNumber);
        return Page();
    }

    public async Task<IActionResult> OnPostAddSessionAsync(int id, CancellationToken ct)
    {
        var on = ModelState.Date("", SessionOn, ClassesTexts.SessionDate);
        if (on is null) return await AgainAsync(id, ct);
        return await AnswerAsync(id, await AddSession.RunAsync(db, me, clock, id, on.Value, SessionTitle, SessionLength, ct), ct);
    }

    public async Task<IActionResult> OnPostRemoveSessionAsync(int id, int sessionId, CancellationToken ct) =>
        await AnswerAsync(id, await RemoveSession.RunAsync(db, me, clock, id, sessionId, ct), ct);

    public async Task<IActionResult> OnPostEnrolAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await Enrol.RunAsync(db, me, clock, id, PersonId, Version, ct), ct,
            // Back to the list of participants, the search as it was (a name only; never an ID number).
            new { id, Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim() }, "participants");

    public async Task<IActionResult> OnPostRemoveParticipantAsync(int id, int participantId, CancellationToken ct) =>
        await AnswerAsync(id, await RemoveParticipant.RunAsync(db, me, clock, id, participantId, ct), ct);

    /// <summary>The one answer to a step (PageAnswers): done → the message flashed on this page again; refused → the page with it.</summary>
    private Task<IActionResult> AnswerAsync(int id, StepResult result, CancellationToken ct, object? route = null, string? fragment = null) =>
        this.AnswerAsync(result,
            done: () => RedirectToPage("/Classes/Details", null, route ?? new { id }, fragment),
            again: async () =>
            {
                db.ChangeTracker.Clear();
                await LoadAsync(id, ct);
            });

    /// <summary>The page again with the form's messages (422).</summary>
    private async Task<IActionResult> AgainAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return this.Unprocessable();
    }

    /// <summary>What the page shows of the class itself, kept (<see cref="FiguresMemo"/>) until the class, its sessions, their attendance or its enrolment change.</summary>
    private sealed record ClassPart(ClassView Class, bool MayManage, IReadOnlyList<SessionRow> Sessions);

    private static readonly string[] ClassPartFollows = DataStamps.SubjectsOf(
        typeof(TrainingClass), typeof(OrgUnit), typeof(ClassSession), typeof(SessionAttendance), typeof(ClassParticipant));

    private sealed record Participant(int Id, int PersonId, string Name, Sex Sex, string Village, string Township);

    /// <summary>The participants in the account's scope, kept until one joins or leaves or a person or unit is saved.</summary>
    private static readonly string[] ParticipantsFollow = DataStamps.SubjectsOf(typeof(ClassParticipant), typeof(Person), typeof(OrgUnit));

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var part = await memo.GetAsync($"ClassPage|{id}", ClassPartFollows, c => ReadClassAsync(id, c), ct);
        if (part is null) return false;
        (Class, MayManage, Sessions) = (part.Class, part.MayManage, part.Sessions);
        Today = clock.Today();
        MayEnrol = MayManage || ClassSteps.MayEnrolIn(me, Class.OwnerPath);

        var terms = await ClassGraduation.TermsAsync(db, memo, [id], ct);
        Conditions = GraduationTexts.Describe(terms[id].RequiredHours, terms[id].ElectiveHours, terms[id].Courses.Select(x => x.Name), terms[id].Quizzes.Select(x => x.Name));
        var participants = await memo.GetAsync($"ClassParticipants|{id}", ParticipantsFollow, c => db.ClassParticipants.InScope(me)
            .Where(p => p.ClassId == id).AsNoTracking()
            .OrderBy(p => p.Person.Village.Path).ThenBy(p => p.Person.Name).ThenBy(p => p.Id)
            .Select(p => new Participant(p.Id, p.PersonId, p.Person.Name, p.Person.Sex, p.Person.Village.Name, p.Person.Village.Parent!.Name))
            .ToListAsync(c), ct);
        var graduation = await ClassGraduation.EvaluateAsync(db, participants.Select(p => new ParticipantKey(p.Id, p.PersonId, id)).ToList(), Today, ct, memo);
        Participants = participants
            .Select(p => new ParticipantRow(p.Id, p.PersonId, p.Name, p.Sex, p.Village, p.Township,
                graduation[p.Id].Facts.Attended, graduation[p.Id].Result))
            .ToList();

        if (MayEnrol && !string.IsNullOrWhiteSpace(Q))
        {
            var name = Q.Trim();
            Found = await SearchAsync(id, Class.OwnerPath, people => people.Where(p => p.Name.Contains(name)), ct);
        }
        return true;
    }

    /// <summary>The class as far as the account's scope shows it (null: not found), whether it manages it, and the sessions.</summary>
    private async Task<ClassPart?> ReadClassAsync(int id, CancellationToken ct)
    {
        var c = await db.TrainingClasses.AsNoTracking().InScope(me).Where(x => x.Id == id)
            .Select(x => new ClassView(x.Id, x.Name, x.Owner.Name, x.Owner.Path, x.StartOn, x.EndOn, x.Capacity, x.SexOnly,
                x.Audience, x.CompletionPercent, x.Description, x.CreatedBy, x.CreatedAt, x.Version, x.Participants.Count))
            .SingleOrDefaultAsync(ct);
        if (c is null) return null;
        var mayManage = await db.TrainingClasses.ManagedBy(me).AnyAsync(x => x.Id == id, ct);
        var sessions = await db.ClassSessions.AsNoTracking().Where(s => s.ClassId == id)
            .OrderBy(s => s.On).ThenBy(s => s.Id)
            .Select(s => new SessionRow(s.Id, s.On, s.Title, s.Length, s.Attendance.Count, s.Attendance.Count(a => a.Present)))
            .ToListAsync(ct);
        return new ClassPart(c, mayManage, sessions);
    }

    /// <summary>Persons of the account's scope under the class's owner that <paramref name="match"/> keeps.</summary>
    private async Task<IReadOnlyList<PersonChoice>> SearchAsync(
        int id, string ownerPath, Func<IQueryable<Person>, IQueryable<Person>> match, CancellationToken ct)
    {
        var people = match(db.Persons.AsNoTracking().InScope(me).Where(p => OrgPaths.IsUnder(p.Village.Path, ownerPath)));
        var found = await people.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(SearchLimit)
            .Select(p => new PersonChoice(p.Id, p.Name, p.Sex, p.IdNumber, p.Village.Name, p.Village.Parent!.Name,
                db.ClassParticipants.Any(cp => cp.ClassId == id && cp.PersonId == p.Id)))
            .ToListAsync(ct);
        return me.MaySeePersonalData ? found : found.Select(p => p with { IdNumber = ResidentId.Mask(p.IdNumber) }).ToList();
    }

    public static string Rate(int attended, int total) => TrainingClass.AttendancePercent(attended, total) is { } p ? $"{p}%" : "—";

    public static string Local(DateTime at) => ChinaTime.Format(at);
}
