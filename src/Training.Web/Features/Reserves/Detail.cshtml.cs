using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Reserves;

/// <summary>
/// One reserve candidate: who, which village, the target, the state, the timeline of every step,
/// and the steps this account may take now (each posting the version shown: if someone else
/// acted first the account is told and sees the new state). Below, what the candidacy has been
/// given to grow: its 结对帮带 and 跟班学习 (the township arranges both once it is in the pool).
/// Outside the scope: 404.
/// </summary>
[Authorize(Policy = ReservesPermissions.View)]
public sealed class DetailModel(TrainingDbContext db, CurrentUser me, ReserveWorkflow workflow, TimeProvider clock, FiguresMemo memo) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? Comment { get; set; }
    /// <summary>任用: the post taken (recorded on the person); empty: only the appointment.</summary>
    [BindProperty] public PostType? Post { get; set; }

    public sealed record CandidateView(int Id, Guid Version, int PersonId, string Name, Sex Sex, DateOnly BirthDate,
        string VillageName, string TownshipName, string DistrictName, ReserveTarget Target, ReserveState State,
        DateOnly RecommendedOn, DateOnly? InPoolOn, DateOnly? LeftPoolOn, string? Reason);

    public sealed record Step(DateTime At, DateOnly On, ReserveAction Action, ReserveState? From, ReserveState To, string Actor, string Comment);

    public sealed record PairRow(int Id, string MentorName, DateOnly StartOn, DateOnly EndOn, DateOnly? LastEvaluatedOn, bool Overdue);

    public sealed record ShadowingRow(int Id, string Department, DateOnly StartOn, DateOnly EndOn, Rating? Rating);

    public CandidateView Candidate { get; private set; } = null!;
    public IReadOnlyList<PairRow> Pairs { get; private set; } = [];
    public IReadOnlyList<ShadowingRow> Shadowings { get; private set; } = [];
    /// <summary>The township arranges 结对帮带 and 跟班学习 for a reserve in the pool.</summary>
    public bool MayArrange => me.IsIn(Roles.TownshipStaff) && Candidate.State == ReserveState.InPool;
    public IReadOnlyList<Step> Timeline { get; private set; } = [];
    public IReadOnlyList<ReserveWorkflow.Step> Steps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, ReserveWorkflow.Step step, CancellationToken ct) =>
        await this.AnswerAsync(await workflow.DecideAsync(id, Version, step, Comment, ct, step == ReserveWorkflow.Step.Appoint ? Post : null),
            done: () => RedirectToPage("/Reserves/Detail", new { id }),
            again: async () => await LoadAsync(id, ct));

    /// <summary>What the page shows of a candidacy, kept (per account scope and day: a pair's evaluation falls due by the
    /// day) until the candidacy, its steps, the person, a unit, a pair, an evaluation or a 跟班 period is saved.</summary>
    private sealed record Shown(CandidateView Candidate, IReadOnlyList<Step> Timeline, IReadOnlyList<PairRow> Pairs, IReadOnlyList<ShadowingRow> Shadowings);

    private static readonly Type[] Follows = [typeof(ReserveCandidate), typeof(ReserveTransition), typeof(Person), typeof(OrgUnit),
        typeof(MentorPair), typeof(MentorEvaluation), typeof(Core.Domain.Shadowing)];

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var today = clock.Today();
        var shown = await memo.GetAsync($"ReserveDetail|{id}|{today:yyyyMMdd}", Follows, c => ReadAsync(id, today, c), ct);
        if (shown is null) return false;
        (Candidate, Timeline, Pairs, Shadowings) = (shown.Candidate, shown.Timeline, shown.Pairs, shown.Shadowings);
        Steps = ReserveWorkflow.Allowed(me, Candidate.State);
        return true;
    }

    private async Task<Shown?> ReadAsync(int id, DateOnly today, CancellationToken ct)
    {
        var candidate = await db.Reserves.AsNoTracking().InScope(me).Where(r => r.Id == id)
            .Select(r => new CandidateView(r.Id, r.Version, r.PersonId, r.Person.Name, r.Person.Sex, r.Person.BirthDate,
                r.Village.Name, r.Village.Parent!.Name, r.Village.Parent!.Parent!.Name, r.Target, r.State,
                r.RecommendedOn, r.InPoolOn, r.LeftPoolOn, r.Reason))
            .SingleOrDefaultAsync(ct);
        if (candidate is null) return null;
        var timeline = await ReserveTimeline.ForAsync(db, id, ct);
        var pairs = (await db.MentorPairs.AsNoTracking().InScope(me).Where(p => p.ReserveId == id)
                .OrderByDescending(p => p.StartOn).ThenByDescending(p => p.Id)
                .Select(p => new { p.Id, p.Mentor.Name, p.StartOn, p.EndOn, p.LastEvaluatedOn })
                .ToListAsync(ct))
            .Select(p => new PairRow(p.Id, p.Name, p.StartOn, p.EndOn, p.LastEvaluatedOn, MentorPair.IsOverdue(p.StartOn, p.EndOn, p.LastEvaluatedOn, today)))
            .ToList();
        var shadowings = await db.Shadowings.AsNoTracking().InScope(me).Where(s => s.ReserveId == id)
            .OrderByDescending(s => s.StartOn).ThenByDescending(s => s.Id)
            .Select(s => new ShadowingRow(s.Id, s.Department, s.StartOn, s.EndOn, s.Rating))
            .ToListAsync(ct);
        return new Shown(candidate, timeline, pairs, shadowings);
    }

    public static string Local(DateTime at) => ChinaTime.Format(at);
}

/// <summary>The steps of one candidacy, oldest first (shared by the candidate's and the person's page).</summary>
public static class ReserveTimeline
{
    public static async Task<IReadOnlyList<DetailModel.Step>> ForAsync(TrainingDbContext db, int reserveId, CancellationToken ct) =>
        (await ForManyAsync(db, [reserveId], ct))[reserveId];

    /// <summary>The steps of each of <paramref name="reserveIds"/> in one query (a person's page shows all its candidacies).</summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<DetailModel.Step>>> ForManyAsync(
        TrainingDbContext db, IReadOnlyCollection<int> reserveIds, CancellationToken ct)
    {
        var steps = (await db.ReserveTransitions.AsNoTracking().Where(t => reserveIds.Contains(t.ReserveId))
                .OrderBy(t => t.At).ThenBy(t => t.Id)
                .Select(t => new { t.ReserveId, Step = new DetailModel.Step(t.At, t.On, t.Action, t.From, t.To, t.Actor, t.Comment) })
                .ToListAsync(ct))
            .ToLookup(t => t.ReserveId, t => t.Step);
        return reserveIds.Distinct().ToDictionary(id => id, id => (IReadOnlyList<DetailModel.Step>)steps[id].ToList());
    }
}
