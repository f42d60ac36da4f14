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

namespace Training.Web.Features.Reserves.Mentoring;

/// <summary>
/// One 结对帮带: who, the dates and goals, its evaluations newest first and a warning when it
/// went 90 days without one. The township adds evaluations and may end it early; each form
/// posts the version shown, so of two accounts acting at once one wins and the other is told.
/// Outside the scope: 404.
/// </summary>
[Authorize(Policy = ReservesPermissions.View)]
public sealed class DetailModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public Rating? Rating { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Reason { get; set; }


    public sealed record PairView(int Id, Guid Version, int ReserveId, string ReserveName, ReserveTarget Target,
        int VillageId, string VillageName, string TownshipName, int MentorId, string MentorName, IReadOnlyList<MentorPost> MentorPosts,
        DateOnly StartOn, DateOnly EndOn, string Goals, string? EndReason, DateOnly? LastEvaluatedOn, string CreatedBy, DateTime CreatedAt);

    public sealed record EvaluationView(DateOnly On, Rating Rating, string Text, string Actor, DateTime At);

    public PairView Pair { get; private set; } = null!;
    public IReadOnlyList<EvaluationView> Evaluations { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool IsOverdue { get; private set; }
    public PeriodPhase State => PeriodPhases.On(Pair.StartOn, Pair.EndOn, Today);
    /// <summary>Which form a refused or conflicting post came from, to keep what was typed there.</summary>
    public string? PostedForm { get; private set; }

    public bool MayAct => me.IsIn(Roles.TownshipStaff);
    public bool MayEvaluate => MayAct && Pair.StartOn <= Today;
    public bool MayEnd => MayAct && Pair.EndReason is null && Pair.StartOn <= Today && Today <= Pair.EndOn;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        On = Today;
        return Page();
    }

    public Task<IActionResult> OnPostEvaluateAsync(int id, CancellationToken ct) =>
        ActAsync(id, "evaluate", (pair, today, now) =>
        {
            if (On is not { } on) throw new DomainException(MentoringTexts.NoEvaluationDate);
            if (Rating is not { } rating) throw new DomainException(MentoringTexts.NoRating);
            pair.Evaluate(on, rating, Text, me.Actor, now, today);
            return (ReservesTexts.PairEvaluatedAudit, ReservesTexts.PairEvaluatedDetail(on, rating), MentoringTexts.Evaluated(on, rating));
        }, ct);

    public Task<IActionResult> OnPostEndAsync(int id, CancellationToken ct) =>
        ActAsync(id, "end", (pair, today, _) =>
        {
            if (On is not { } on) throw new DomainException(MentoringTexts.NoEndDate);
            pair.End(on, Reason, today);
            return (ReservesTexts.PairEndedAudit, ReservesTexts.PairEndedDetail(on, pair.EndReason), MentoringTexts.Ended(on));
        }, ct);

    /// <summary>The one workflow step on the pair (scope → version → act → audit → save), answered by PageAnswers;
    /// refused or changed, the page again with what was typed in <paramref name="form"/>.</summary>
    private async Task<IActionResult> ActAsync(int id, string form,
        Func<MentorPair, DateOnly, DateTime, (string Action, string Detail, string Message)> act, CancellationToken ct)
    {
        if (!MayAct) return Forbid();
        var pair = db.MentorPairs.InScope(me).Include(p => p.Reserve).ThenInclude(r => r.Person).Where(p => p.Id == id);
        var result = await db.RunAsync(pair, Version, p =>
        {
            var (action, detail, message) = act(p, clock.Today(), clock.UtcNow());
            db.Audit.Add(new AuditEntry(me.UserName, action, ReservesTexts.PairDetail(p.Reserve.Person.Name, p.Id, detail), clock.UtcNow()));
            return message;
        }, ct);
        return await this.AnswerAsync(result,
            done: () => RedirectToPage("/Reserves/Mentoring/Detail", new { id }),
            again: async () =>
            {
                PostedForm = form;
                await LoadAsync(id, ct);
            },
            fieldPrefix: null);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Today = clock.Today();
        var today = Today;
        var pair = await db.MentorPairs.AsNoTracking().InScope(me).Where(p => p.Id == id)
            .Select(p => new PairView(p.Id, p.Version, p.ReserveId, p.Reserve.Person.Name, p.Reserve.Target,
                p.Reserve.VillageId, p.Reserve.Village.Name, p.Reserve.Village.Parent!.Name, p.MentorId, p.Mentor.Name, Array.Empty<MentorPost>(),
                p.StartOn, p.EndOn, p.Goals, p.EndReason, p.LastEvaluatedOn, p.CreatedBy, p.CreatedAt))
            .SingleOrDefaultAsync(ct);
        if (pair is null) return false;
        Pair = pair with { MentorPosts = (await MentorPost.HeldOnAsync(db, [pair.MentorId], today, ct))[pair.MentorId].ToList() };
        IsOverdue = MentorPair.IsOverdue(pair.StartOn, pair.EndOn, pair.LastEvaluatedOn, today);
        Evaluations = await db.MentorEvaluations.AsNoTracking().Where(e => e.PairId == id)
            .OrderByDescending(e => e.On).ThenByDescending(e => e.Id)
            .Select(e => new EvaluationView(e.On, e.Rating, e.Text, e.Actor, e.At))
            .ToListAsync(ct);
        return true;
    }

    /// <summary>The posted value for the form that was posted, else the default.</summary>
    public string Typed(string form, string? value, string fallback = "") => PostedForm == form ? value ?? "" : fallback;
}
