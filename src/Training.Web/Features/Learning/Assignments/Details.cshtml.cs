using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning.Assignments;

/// <summary>
/// One assignment: who it assigns today, as far as the account's scope reaches (a township sees its
/// own people), and where each stands — 已完成 (the course is in their ledger, whenever they finished
/// it), 学习中, 未开始, 已逾期 — with the counts of each. Its unit may cancel it.
/// </summary>
[Authorize(Policy = LearningPermissions.Follow)]
public sealed class DetailsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public enum Standing { Completed, InProgress, NotStarted, Overdue }

    [BindProperty(SupportsGet = true)] public Standing? Show { get; set; }
    /// <summary>A name (or part of one) to find a person among those assigned.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public Guid Version { get; set; }

    /// <summary>Init-only (not positional), so that EF can still filter and count on the projection's members.</summary>
    public sealed record MemberRow
    {
        public int PersonId { get; init; }
        public string Name { get; init; } = "";
        public string Village { get; init; } = "";
        public string Township { get; init; } = "";
        public bool Completed { get; init; }
        public bool Started { get; init; }
    }

    public AssignmentRow Assignment { get; private set; } = null!;
    public Paged<MemberRow> Members { get; private set; } = null!;
    public IReadOnlyDictionary<Standing, int> Counts { get; private set; } = new Dictionary<Standing, int>();
    public int Total { get; private set; }
    public DateOnly Today { get; private set; }
    public bool MayCancel { get; private set; }
    /// <summary>May open a person's ledger (township and above).</summary>
    public bool MayCorrect { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var a = await db.Assignments.AsNoTracking().InScope(me).Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return NotFound();
        Today = clock.Today();
        Assignment = await AssignmentRow.Select(db, db.Assignments.Where(x => x.Id == id)).SingleAsync(ct);
        Version = a.Version;
        MayCancel = !a.Cancelled && a.OwnerId == me.OrgUnitId && await MayAuthorAsync();
        MayCorrect = (await authorization.AuthorizeAsync(User, LearningPermissions.Correct)).Succeeded;

        var lessons = db.Lessons.Where(l => l.CourseId == a.CourseId).Select(l => l.Id);
        var credits = StudyLedgerEntry.Standing(db.StudyLedger).Where(e => e.Source == StudySource.OnlineCourse && e.SourceId == a.CourseId);
        var members = AssignmentMembers.Of(db, a, Today).InScope(me)
            .Select(p => new MemberRow
            {
                PersonId = p.Id, Name = p.Name, Village = p.Village.Name, Township = p.Village.Parent!.Name,
                Completed = credits.Any(e => e.PersonId == p.Id),
                Started = db.LessonProgress.Any(x => x.PersonId == p.Id && lessons.Contains(x.LessonId) && (x.CreditedSeconds > 0 || x.CompletedAt != null)),
            });

        var overdue = Today > a.DueOn;
        var completed = await members.CountAsync(m => m.Completed, ct);
        var started = await members.CountAsync(m => !m.Completed && m.Started, ct);
        Total = await members.CountAsync(ct);
        var rest = Total - completed - started;
        Counts = new Dictionary<Standing, int>
        {
            [Standing.Completed] = completed,
            [Standing.InProgress] = overdue ? 0 : started,
            [Standing.NotStarted] = overdue ? 0 : rest,
            [Standing.Overdue] = overdue ? started + rest : 0,
        };

        var shown = Show switch
        {
            Standing.Completed => members.Where(m => m.Completed),
            Standing.InProgress => members.Where(m => !m.Completed && m.Started && !overdue),
            Standing.NotStarted => members.Where(m => !m.Completed && !m.Started && !overdue),
            Standing.Overdue => members.Where(m => !m.Completed && overdue),
            _ => members,
        };
        if (!string.IsNullOrWhiteSpace(Q)) shown = shown.Where(m => m.Name.Contains(Q.Trim()));
        Members = await shown.OrderBy(m => m.Township).ThenBy(m => m.Village).ThenBy(m => m.PersonId).ToPagedAsync(PageNumber, ct);
        return this.PageOrFragment("_Members");
    }

    /// <summary>撤销: nobody is assigned from now on; what was earned stays in the ledger.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        if (!await MayAuthorAsync()) return Forbid();
        var result = await db.RunAsync(db.Assignments.Include(a => a.Course).Where(a => a.Id == id && a.OwnerId == me.OrgUnitId), Version, a =>
        {
            a.Cancel();
            db.Audit.Add(new AuditEntry(me.UserName, AssignmentTexts.CancelledAudit, LearningTexts.OfCourse(a.Course.Title, a.Id.ToString()), clock.UtcNow()));
            return AssignmentTexts.Cancelled(a.Course.Title);
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { id }), () => OnGetAsync(id, ct), fieldPrefix: null);
    }

    private async Task<bool> MayAuthorAsync() => (await authorization.AuthorizeAsync(User, LearningPermissions.Author)).Succeeded;

    public string StandingOf(MemberRow m) =>
        m.Completed ? AssignmentTexts.Completed : Today > Assignment.DueOn ? AssignmentTexts.Overdue : m.Started ? AssignmentTexts.InProgress : AssignmentTexts.NotStarted;

    public string PageUrl(int page) => Url.Page("/Learning/Assignments/Details", new { id = Assignment.Id, Show, Q, p = page > 1 ? page : (int?)null })!;
}
