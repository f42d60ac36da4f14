using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Classes;

/// <summary>
/// One class: its terms, its sessions (with whether attendance was taken) and its participants
/// as far as the account's scope reaches (a township sees only its own people), each with the
/// sessions attended and whether they complete. The unit running the class adds and removes
/// sessions; it and, for a class run above it, a district enrol persons of their own scope.
/// Every enrolment moves the class's version, so two at once cannot overfill it.
/// </summary>
[Authorize(Policy = ClassesPermissions.View)]
public sealed class DetailsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public const int SearchLimit = 30;
    public const string Changed = "该培训班刚被他人修改（如同时有人报名），请刷新后重试。";
    public const string PersonNotFound = "未找到该人员，或不在您的管辖范围内。";

    /// <summary>Name typed in the 报名 search (a GET: names only, ID numbers never go into a URL).</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>An ID number to look up, posted (PRODUCT.md §4: never in URLs or logs).</summary>
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public int PersonId { get; set; }
    [BindProperty] public string? SessionOn { get; set; }
    [BindProperty] public string? SessionTitle { get; set; }
    [TempData] public string? Message { get; set; }

    public sealed record ClassView(int Id, string Name, string OwnerName, string OwnerPath, DateOnly StartOn, DateOnly EndOn,
        int Capacity, Sex? SexOnly, ClassAudience Audience, int CompletionPercent, string? Description,
        string CreatedBy, DateTime CreatedAt, Guid Version, int Enrolled)
    {
        public string AudienceText => ClassAudienceNames.Describe(SexOnly, Audience);
    }

    public sealed record SessionRow(int Id, DateOnly On, string Title, int Marked, int Present)
    {
        public bool Taken => Marked > 0;
    }

    public sealed record ParticipantRow(int Id, int PersonId, string Name, Sex Sex, string VillageName, string TownshipName,
        int Attended, ClassCompletion Completion);

    public sealed record PersonChoice(int Id, string Name, Sex Sex, string IdNumber, string VillageName, string TownshipName, bool Enrolled);

    public ClassView Class { get; private set; } = null!;
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    public IReadOnlyList<ParticipantRow> Participants { get; private set; } = [];
    public IReadOnlyList<PersonChoice> Found { get; private set; } = [];
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
            return await ShowAsync(id, error, StatusCodes.Status422UnprocessableEntity, ct);
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayEnrol) return Forbid();
        Found = await SearchAsync(id, Class.OwnerPath, people => people.Where(p => p.IdNumber == parsed.Value), ct);
        if (Found.Count == 0) ModelState.AddModelError("", "没有找到该身份证号的人员（或不在本班招收范围、您的管辖范围内）。");
        return Page();
    }

    public async Task<IActionResult> OnPostAddSessionAsync(int id, CancellationToken ct)
    {
        var c = await db.TrainingClasses.ManagedBy(me).Include(x => x.Sessions).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return await RefuseUnlessVisibleAsync(id, ct);
        var on = ModelState.Date("", SessionOn, "课次日期");
        if (on is null) return await ShowAsync(id, null, StatusCodes.Status422UnprocessableEntity, ct);
        ClassSession session;
        try
        {
            session = c.AddSession(on.Value, SessionTitle);
        }
        catch (DomainException ex)
        {
            return await ShowAsync(id, ex.Message, StatusCodes.Status422UnprocessableEntity, ct);
        }
        return await SaveAsync(c, id, "添加培训班课次", $"{c.Name}：{session.On:yyyy-MM-dd} {session.Title}",
            $"已添加课次：{session.On:yyyy-MM-dd} {session.Title}。", ct);
    }

    public async Task<IActionResult> OnPostRemoveSessionAsync(int id, int sessionId, CancellationToken ct)
    {
        var c = await db.TrainingClasses.ManagedBy(me).Include(x => x.Sessions).ThenInclude(s => s.Attendance)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return await RefuseUnlessVisibleAsync(id, ct);
        var session = c.Sessions.SingleOrDefault(s => s.Id == sessionId);
        if (session is null) return NotFound();
        try
        {
            c.RemoveSession(session);
        }
        catch (DomainException ex)
        {
            return await ShowAsync(id, ex.Message, StatusCodes.Status422UnprocessableEntity, ct);
        }
        return await SaveAsync(c, id, "删除培训班课次", $"{c.Name}：{session.On:yyyy-MM-dd} {session.Title}",
            $"已删除课次：{session.On:yyyy-MM-dd} {session.Title}。", ct);
    }

    /// <summary>
    /// 报名: from the version the account saw; if someone else changed the class meanwhile (most
    /// likely enrolled someone at the same time), tried once more on fresh data, so the last seat
    /// goes to exactly one of two.
    /// </summary>
    public async Task<IActionResult> OnPostEnrolAsync(int id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var c = await db.TrainingClasses.InScope(me).Include(x => x.Owner).Include(x => x.Participants)
                .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (c is null) return NotFound();
            if (!await MayEnrolInAsync(c, ct)) return Forbid();
            var person = await db.Persons.InScope(me).Include(p => p.Village).Include(p => p.Posts)
                .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == PersonId, ct);
            if (person is null) return await ShowAsync(id, PersonNotFound, StatusCodes.Status404NotFound, ct);
            var reserves = await db.Reserves.Where(r => r.PersonId == person.Id).ToListAsync(ct);
            try
            {
                c.Enroll(person, reserves, me.Actor, clock.Today(), clock.UtcNow());
            }
            catch (DomainException ex)
            {
                return await ShowAsync(id, ex.Message, StatusCodes.Status422UnprocessableEntity, ct);
            }
            if (attempt == 1) db.ExpectVersion(c, Version);
            db.Audit.Add(new AuditEntry(me.UserName, "培训班报名",
                $"{c.Name}：{person.Name}（{ResidentId.Mask(person.IdNumber)}）", clock.UtcNow()));
            if (!await db.TrySaveAsync(ct))
            {
                if (attempt == 1) continue;
                return await ShowAsync(id, Changed, StatusCodes.Status409Conflict, ct);
            }
            Message = $"已为{person.Name}报名“{c.Name}”（{c.Participants.Count}/{c.Capacity} 人）。";
            return Redirect($"/Classes/Details/{id}{(string.IsNullOrWhiteSpace(Q) ? "" : "?Q=" + Uri.EscapeDataString(Q.Trim()))}#participants");
        }
    }

    public async Task<IActionResult> OnPostRemoveParticipantAsync(int id, int participantId, CancellationToken ct)
    {
        var c = await db.TrainingClasses.InScope(me).Include(x => x.Owner)
            .Include(x => x.Participants).ThenInclude(p => p.Person)
            .Include(x => x.Sessions).ThenInclude(s => s.Attendance)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return NotFound();
        if (!await MayEnrolInAsync(c, ct)) return Forbid();
        var seen = await db.ClassParticipants.InScope(me).AnyAsync(p => p.Id == participantId && p.ClassId == id, ct);
        var participant = c.Participants.SingleOrDefault(p => p.Id == participantId);
        if (!seen || participant is null) return NotFound();
        try
        {
            c.Remove(participant);
        }
        catch (DomainException ex)
        {
            return await ShowAsync(id, ex.Message, StatusCodes.Status422UnprocessableEntity, ct);
        }
        var person = participant.Person;
        return await SaveAsync(c, id, "培训班取消报名", $"{c.Name}：{person.Name}（{ResidentId.Mask(person.IdNumber)}）",
            $"已取消{person.Name}的报名。", ct);
    }

    private async Task<IActionResult> SaveAsync(TrainingClass c, int id, string action, string detail, string message, CancellationToken ct)
    {
        db.Audit.Add(new AuditEntry(me.UserName, action, detail, clock.UtcNow()));
        if (!await db.TrySaveAsync(ct)) return await ShowAsync(id, Changed, StatusCodes.Status409Conflict, ct);
        Message = message;
        return Redirect($"/Classes/Details/{id}");
    }

    /// <summary>A manager's step asked of a class the account only sees: refused; of one it does not see: not found.</summary>
    private async Task<IActionResult> RefuseUnlessVisibleAsync(int id, CancellationToken ct) =>
        await db.TrainingClasses.InScope(me).AnyAsync(x => x.Id == id, ct) ? Forbid() : NotFound();

    private async Task<bool> MayEnrolInAsync(TrainingClass c, CancellationToken ct) =>
        MayEnrolIn(c.Owner.Path) || await db.TrainingClasses.ManagedBy(me).AnyAsync(x => x.Id == c.Id, ct);

    /// <summary>A district enrols its own people into a class the city runs.</summary>
    private bool MayEnrolIn(string ownerPath) =>
        me.IsIn(Roles.DistrictStaff) && me.OrgPath is { } path && ScopeQueries.AncestorPaths(path).Contains(ownerPath);

    private async Task<IActionResult> ShowAsync(int id, string? message, int status, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (message is not null) ModelState.AddModelError("", message);
        if (!await LoadAsync(id, ct)) return NotFound();
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var c = await db.TrainingClasses.AsNoTracking().InScope(me).Where(x => x.Id == id)
            .Select(x => new ClassView(x.Id, x.Name, x.Owner.Name, x.Owner.Path, x.StartOn, x.EndOn, x.Capacity, x.SexOnly,
                x.Audience, x.CompletionPercent, x.Description, x.CreatedBy, x.CreatedAt, x.Version, x.Participants.Count))
            .SingleOrDefaultAsync(ct);
        if (c is null) return false;
        Class = c;
        Today = clock.Today();
        MayManage = await db.TrainingClasses.ManagedBy(me).AnyAsync(x => x.Id == id, ct);
        MayEnrol = MayManage || MayEnrolIn(c.OwnerPath);

        Sessions = await db.ClassSessions.AsNoTracking().Where(s => s.ClassId == id)
            .OrderBy(s => s.On).ThenBy(s => s.Id)
            .Select(s => new SessionRow(s.Id, s.On, s.Title, s.Attendance.Count, s.Attendance.Count(a => a.Present)))
            .ToListAsync(ct);
        var total = Sessions.Count;
        var today = Today;
        Participants = (await db.ClassParticipants.AsNoTracking().InScope(me).Where(p => p.ClassId == id)
                .OrderBy(p => p.Person.Village.Path).ThenBy(p => p.Person.Name).ThenBy(p => p.Id)
                .Select(p => new
                {
                    p.Id, p.PersonId, p.Person.Name, p.Person.Sex, Village = p.Person.Village.Name,
                    Township = p.Person.Village.Parent!.Name,
                    Attended = db.SessionAttendance.Count(a => a.ParticipantId == p.Id && a.Present),
                })
                .ToListAsync(ct))
            .Select(p => new ParticipantRow(p.Id, p.PersonId, p.Name, p.Sex, p.Village, p.Township, p.Attended,
                TrainingClass.CompletionOf(p.Attended, total, c.CompletionPercent, c.EndOn, today)))
            .ToList();

        if (MayEnrol && !string.IsNullOrWhiteSpace(Q))
        {
            var name = Q.Trim();
            Found = await SearchAsync(id, c.OwnerPath, people => people.Where(p => p.Name.Contains(name)), ct);
        }
        return true;
    }

    /// <summary>Persons of the account's scope under the class's owner that <paramref name="match"/> keeps.</summary>
    private async Task<IReadOnlyList<PersonChoice>> SearchAsync(
        int id, string ownerPath, Func<IQueryable<Person>, IQueryable<Person>> match, CancellationToken ct)
    {
        var people = match(db.Persons.AsNoTracking().InScope(me).Where(p => p.Village.Path.StartsWith(ownerPath)));
        var found = await people.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(SearchLimit)
            .Select(p => new PersonChoice(p.Id, p.Name, p.Sex, p.IdNumber, p.Village.Name, p.Village.Parent!.Name,
                db.ClassParticipants.Any(cp => cp.ClassId == id && cp.PersonId == p.Id)))
            .ToListAsync(ct);
        return me.MaySeePersonalData ? found : found.Select(p => p with { IdNumber = ResidentId.Mask(p.IdNumber) }).ToList();
    }

    public static string Rate(int attended, int total) => TrainingClass.AttendancePercent(attended, total) is { } p ? $"{p}%" : "—";

    public static string Local(DateTime at) => ChinaTime.Format(at);
}
