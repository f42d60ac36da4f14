using Training.Web.Infrastructure.Data;
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
public sealed class DetailsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization, FiguresMemo memo) : PageModel
{
    [BindProperty(SupportsGet = true)] public AssignmentStanding? Show { get; set; }
    /// <summary>A name (or part of one) to find a person among those assigned.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public Guid Version { get; set; }

    public AssignmentRow Assignment { get; private set; } = null!;
    public Paged<AssignmentProgress.MemberRow> Members { get; private set; } = null!;
    public IReadOnlyDictionary<AssignmentStanding, int> Counts { get; private set; } = new Dictionary<AssignmentStanding, int>();
    public int Total { get; private set; }
    public DateOnly Today { get; private set; }
    public bool MayCancel { get; private set; }
    /// <summary>May open a person's ledger (township and above).</summary>
    public bool MayCorrect { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var head = await memo.GetAsync($"AssignmentHead|{id}", HeadFollows, async ct =>
        {
            var found = await db.Assignments.AsNoTracking().InScope(me).Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == id, ct);
            return found is null ? null : new Head(found, await AssignmentRow.Select(db, db.Assignments.Where(x => x.Id == id)).SingleAsync(ct));
        }, ct);
        if (head is null) return NotFound();
        var a = head.Assignment;
        Today = clock.Today();
        Assignment = head.Row;
        Version = a.Version;
        MayCancel = !a.Cancelled && a.OwnerId == me.OrgUnitId && await MayAuthorAsync();
        MayCorrect = (await authorization.AuthorizeAsync(User, LearningPermissions.Correct)).Succeeded;

        // Built only when a figure or a page of members has to be read again: the expression alone was 4% of the request.
        IQueryable<AssignmentProgress.MemberRow> Assigned() => AssignmentProgress.Members(db, a, Today, persons => persons.InScope(me));
        var overdue = AssignmentProgress.IsOverdueOn(a.DueOn, Today);
        var counts = await memo.GetAsync($"AssignmentCounts|{id}|{Today:yyyyMMdd}", AssignmentProgress.Follows,
            ct => AssignmentProgress.CountAsync(Assigned(), overdue, ct), ct);
        Total = counts.Total;
        Counts = Enum.GetValues<AssignmentStanding>().ToDictionary(s => s, counts.Of);

        IQueryable<AssignmentProgress.MemberRow> Ordered(string? name)
        {
            var shown = Show is { } show ? Assigned().In(show, overdue) : Assigned();
            if (!string.IsNullOrEmpty(name)) shown = shown.Where(m => m.Name.Contains(name));
            return shown.OrderBy(m => m.VillagePath).ThenBy(m => m.PersonId);
        }
        var q = Q?.Trim();
        // Without a name to look for, a page of members is kept with the counts' stamps: ordering everyone assigned
        // (the city's: a pass over thousands, 1 ms of SQL) and the standing of each were read again on every request.
        Members = string.IsNullOrEmpty(q)
            ? await memo.GetAsync($"AssignmentMembers|{id}|{Show}|{PageNumber}|{Today:yyyyMMdd}", AssignmentProgress.Follows,
                ct => Ordered(null).ToPagedAsync(PageNumber, ct, count: _ => Task.FromResult(Show is { } s ? counts.Of(s) : counts.Total)), ct)
            : await Ordered(q).ToPagedAsync(PageNumber, ct);
        return this.PageOrFragment("_Members");
    }

    /// <summary>The assignment (read only: its target and unit say who is assigned) and how the page names it, kept until either changes.</summary>
    private sealed record Head(Assignment Assignment, AssignmentRow Row);

    /// <summary>The assignment itself and its row's naming.</summary>
    private static readonly string[] HeadFollows = AssignmentRow.Follows;

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

    public string StandingOf(AssignmentProgress.MemberRow m) => AssignmentProgress.Of(m, AssignmentProgress.IsOverdueOn(Assignment.DueOn, Today)).Label();

    public string PageUrl(int page) => Url.Page("/Learning/Assignments/Details", new { id = Assignment.Id, Show, Q, p = page > 1 ? page : (int?)null })!;
}
