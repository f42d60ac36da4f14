using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Classes;

/// <summary>
/// 考勤: one session of a class, taken on a phone at the door. Every participant is one big
/// tappable row; the ticks and the class version seen are posted together, so if someone else
/// changed the class meanwhile the ticks are kept and the account is told (409). Only the
/// accounts that run the class (<see cref="ScopeQueries.ManagedBy"/>) see it; others 404.
/// </summary>
[Authorize(Policy = ClassesPermissions.Manage)]
public sealed class AttendanceModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{

    /// <summary>The participant ids ticked present.</summary>
    [BindProperty] public List<int> Present { get; set; } = [];
    [BindProperty] public Guid Version { get; set; }


    public sealed record SessionView(int Id, DateOnly On, string Title, int ClassId, string ClassName, Guid ClassVersion);
    public sealed record SessionLink(int Id, DateOnly On, string Title);
    public sealed record Row(int ParticipantId, string Name, string VillageName, bool? Recorded);
    public sealed record LastRecord(string By, DateTime At);

    public SessionView Session { get; private set; } = null!;
    public IReadOnlyList<SessionLink> Sessions { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public LastRecord? Recorded { get; private set; }
    /// <summary>The ids shown ticked: the stored marks, or what the account ticked when the form comes back.</summary>
    public IReadOnlySet<int> Ticked { get; private set; } = new HashSet<int>();
    /// <summary>After a 409: the list was reloaded and the account's ticks kept.</summary>
    public bool Reloaded { get; private set; }
    public bool BeforeTheDay => Session.On > clock.Today();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Ticked = Rows.Where(r => r.Recorded == true).Select(r => r.ParticipantId).ToHashSet();
        Version = Session.ClassVersion;
        return Page();
    }

    /// <summary>全部出勤 without JavaScript: the form comes back with every row ticked, nothing saved yet.</summary>
    public async Task<IActionResult> OnPostAllAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Ticked = Rows.Select(r => r.ParticipantId).ToHashSet();
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var present = Present.Distinct().ToList();
        var managed = db.TrainingClasses.ManagedBy(me)
            .Include(c => c.Participants)
            .Include(c => c.Sessions.Where(s => s.Id == id)).ThenInclude(s => s.Attendance)
            .Where(c => c.Sessions.Any(s => s.Id == id));
        var result = await db.RunAsync(managed, Version, async c =>
        {
            var session = c.Sessions.Single(s => s.Id == id);
            var changes = c.RecordAttendance(session, present, me.Actor, clock.Today(), clock.UtcNow());
            await AttendanceCredits.ApplyAsync(db, session, changes, me.Actor, clock.UtcNow(), ct);
            var summary = ClassesTexts.AttendanceSummary(present.Count, c.Participants.Count - present.Count);
            db.Audit.Add(new AuditEntry(me.UserName, ClassesTexts.AttendanceAudit,
                ClassesTexts.AttendanceDetail(c.Name, c.Id, session.On, session.Title, summary), clock.UtcNow()));
            return ClassesTexts.AttendanceSaved(summary);
        }, ct);
        return await this.AnswerAsync(result,
            done: () => RedirectToPage("/Classes/Attendance", new { id }),
            again: async () =>
            {
                if (!await LoadAsync(id, ct)) return;
                // The form again with the account's ticks. After a conflict the list and the version are
                // the current ones, so checking the ticks and saving once more applies them knowingly.
                Ticked = Present.ToHashSet();
                if (result.Status != StepStatus.Changed) return;
                Reloaded = true;
                Version = Session.ClassVersion;
                ModelState.Remove(nameof(Version));
            },
            fieldPrefix: null);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var session = await db.ClassSessions.AsNoTracking()
            .Where(s => s.Id == id && db.TrainingClasses.ManagedBy(me).Any(c => c.Id == s.ClassId))
            .Select(s => new SessionView(s.Id, s.On, s.Title, s.ClassId, s.Class.Name, s.Class.Version))
            .SingleOrDefaultAsync(ct);
        if (session is null) return false;
        Session = session;

        Sessions = await db.ClassSessions.AsNoTracking().Where(s => s.ClassId == session.ClassId)
            .OrderBy(s => s.On).ThenBy(s => s.Id)
            .Select(s => new SessionLink(s.Id, s.On, s.Title))
            .ToListAsync(ct);
        // Everyone in the class: the accounts that run it see all its participants.
        Rows = await db.ClassParticipants.AsNoTracking().Where(p => p.ClassId == session.ClassId)
            .OrderBy(p => p.Person.Village.Code).ThenBy(p => p.Person.Name).ThenBy(p => p.Id)
            .Select(p => new Row(p.Id, p.Person.Name, p.Person.Village.Name,
                db.SessionAttendance.Where(a => a.SessionId == id && a.ParticipantId == p.Id).Select(a => (bool?)a.Present).FirstOrDefault()))
            .ToListAsync(ct);
        Recorded = await db.SessionAttendance.AsNoTracking().Where(a => a.SessionId == id)
            .OrderByDescending(a => a.RecordedAt)
            .Select(a => new LastRecord(a.RecordedBy, a.RecordedAt))
            .FirstOrDefaultAsync(ct);
        return true;
    }

    public static string Local(DateTime at) => ChinaTime.Format(at);
}
