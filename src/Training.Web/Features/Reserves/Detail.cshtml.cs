using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Reserves;

/// <summary>
/// One reserve candidate: who, which village, the target, the state, the timeline of every step,
/// and the steps this account may take now (each posting the version shown: if someone else
/// acted first the account is told and sees the new state). Outside the scope: 404.
/// </summary>
[Authorize(Roles = Roles.OrgStaff)]
public sealed class DetailModel(TrainingDbContext db, CurrentUser me, ReserveWorkflow workflow) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? Comment { get; set; }
    /// <summary>任用: the post taken (recorded on the person); empty: only the appointment.</summary>
    [BindProperty] public PostType? Post { get; set; }

    [TempData] public string? Message { get; set; }

    public sealed record CandidateView(int Id, Guid Version, int PersonId, string Name, Sex Sex, DateOnly BirthDate,
        string VillageName, string TownshipName, string DistrictName, ReserveTarget Target, ReserveState State,
        DateOnly RecommendedOn, DateOnly? InPoolOn, DateOnly? LeftPoolOn, string? Reason);

    public sealed record Step(DateTime At, DateOnly On, ReserveAction Action, ReserveState? From, ReserveState To, string Actor, string Comment);

    public CandidateView Candidate { get; private set; } = null!;
    public IReadOnlyList<Step> Timeline { get; private set; } = [];
    public IReadOnlyList<ReserveWorkflow.Step> Steps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, ReserveWorkflow.Step step, CancellationToken ct)
    {
        var outcome = await workflow.DecideAsync(id, Version, step, Comment, ct, step == ReserveWorkflow.Step.Appoint ? Post : null);
        if (outcome.Result == ReserveWorkflow.Result.NotFound) return NotFound();
        if (outcome.Done)
        {
            Message = outcome.Message;
            return RedirectToPage("/Reserves/Detail", new { id });
        }
        ModelState.AddModelError("", outcome.Message);
        if (!await LoadAsync(id, ct)) return NotFound();
        Response.StatusCode = outcome.Result == ReserveWorkflow.Result.Changed
            ? StatusCodes.Status409Conflict
            : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var candidate = await db.Reserves.AsNoTracking().InScope(me).Where(r => r.Id == id)
            .Select(r => new CandidateView(r.Id, r.Version, r.PersonId, r.Person.Name, r.Person.Sex, r.Person.BirthDate,
                r.Village.Name, r.Village.Parent!.Name, r.Village.Parent!.Parent!.Name, r.Target, r.State,
                r.RecommendedOn, r.InPoolOn, r.LeftPoolOn, r.Reason))
            .SingleOrDefaultAsync(ct);
        if (candidate is null) return false;
        Candidate = candidate;
        Timeline = await ReserveTimeline.ForAsync(db, id, ct);
        Steps = ReserveWorkflow.Allowed(me, candidate.State);
        return true;
    }

    public static string Local(DateTime at) => ChinaTime.Format(at);
}

/// <summary>The steps of one candidacy, oldest first (shared by the candidate's and the person's page).</summary>
public static class ReserveTimeline
{
    public static async Task<IReadOnlyList<DetailModel.Step>> ForAsync(TrainingDbContext db, int reserveId, CancellationToken ct) =>
        await db.ReserveTransitions.AsNoTracking().Where(t => t.ReserveId == reserveId)
            .OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new DetailModel.Step(t.At, t.On, t.Action, t.From, t.To, t.Actor, t.Comment))
            .ToListAsync(ct);
}
