using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Reserves;

/// <summary>
/// The reserve candidates in the account's scope, filtered by state, target and name, with the
/// step each role may take from the list (村推 form for the village; 镇选 and 入库 inline; declines,
/// appointment and exit on the candidate's page, which asks for a reason and a confirmation).
/// </summary>
[Authorize(Policy = ReservesPermissions.View)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, ReserveWorkflow workflow, FiguresMemo memo) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)] public ReserveState? State { get; set; }
    [BindProperty(SupportsGet = true)] public ReserveTarget? Target { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>Name typed in the 推荐 form to find a person of the village.</summary>
    [BindProperty(SupportsGet = true)] public string? Pq { get; set; }

    [BindProperty] public int PersonId { get; set; }
    [BindProperty] public ReserveTarget NewTarget { get; set; } = ReserveTarget.TwoCommittee;
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public sealed record Row(int Id, Guid Version, string Name, string VillageName, string TownshipName,
        ReserveTarget Target, ReserveState State, DateOnly RecommendedOn, DateOnly? InPoolOn);

    /// <param name="OpenFor">The target the person is already an open candidate for, if one (the other may still be recommended).</param>
    public sealed record PersonChoice(int Id, string Name, int BirthYear, ReserveTarget? OpenFor);

    private sealed record Listed(int Total, IReadOnlyList<Row> Rows);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<PersonChoice> People { get; private set; } = [];
    public bool MayRecommend => me.IsIn(Roles.VillageStaff);
    public CurrentUser Me => me;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRecommendAsync(CancellationToken ct)
    {
        if (!MayRecommend) return Forbid();
        return await this.AnswerAsync(await workflow.RecommendAsync(PersonId, NewTarget, Comment, ct),
            done: () => RedirectToPage("/Reserves/Index"),
            again: () => LoadAsync(ct), fieldPrefix: null);
    }

    /// <summary>The positive steps taken straight from the list (镇选, 入库).</summary>
    public async Task<IActionResult> OnPostStepAsync(int id, ReserveWorkflow.Step step, CancellationToken ct)
    {
        if (ReserveWorkflow.NeedsReason(step)) return RedirectToPage("/Reserves/Detail", new { id });
        return await this.AnswerAsync(await workflow.DecideAsync(id, Version, step, Comment, ct),
            done: () => RedirectToPage("/Reserves/Index", new { State, Target, Q }),
            again: () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var q = Q?.Trim();
        var query = db.Reserves.AsNoTracking().InScope(me);
        if (State is { } s) query = query.Where(r => r.State == s);
        if (Target is { } t) query = query.Where(r => r.Target == t);
        if (!string.IsNullOrEmpty(q)) query = query.Where(r => r.Person.Name.Contains(q));
        async Task<Listed> ListAsync(CancellationToken ct) => new(await query.CountAsync(ct), await query
            .OrderBy(r => r.State).ThenByDescending(r => r.RecommendedOn).ThenByDescending(r => r.Id)
            .Take(PageSize)
            .Select(r => new Row(r.Id, r.Version, r.Person.Name, r.Village.Name, r.Village.Parent!.Name,
                r.Target, r.State, r.RecommendedOn, r.InPoolOn))
            .ToListAsync(ct));
        // The list by state and target is what staff open all day: kept until a candidate, a person or a unit is saved
        // (a township's count and first 200 rows were half the page's time). A name searched is read afresh: those
        // are many keys, each seldom asked again.
        var listed = string.IsNullOrEmpty(q)
            ? await memo.GetAsync($"Reserves|{State}|{Target}", [typeof(ReserveCandidate), typeof(Person), typeof(OrgUnit)], ListAsync, ct)
            : await ListAsync(ct);
        (Total, Rows) = (listed.Total, listed.Rows);

        if (MayRecommend && me.OrgUnitId is { } villageId)
        {
            var people = db.Persons.AsNoTracking().InScope(me).Where(p => p.VillageId == villageId);
            if (!string.IsNullOrWhiteSpace(Pq)) people = people.Where(p => p.Name.Contains(Pq.Trim()));
            // Only who may still be recommended: a person already an open candidate for both targets would be refused
            // whatever the village chose; one open for a target is offered with it named, for the other.
            var open = db.Reserves.Where(ReserveCandidate.Open);
            People = (await people
                    .Select(p => new
                    {
                        p.Id, p.Name, p.BirthDate.Year,
                        Secretary = open.Any(r => r.PersonId == p.Id && r.Target == ReserveTarget.Secretary),
                        TwoCommittee = open.Any(r => r.PersonId == p.Id && r.Target == ReserveTarget.TwoCommittee),
                    })
                    .Where(p => !(p.Secretary && p.TwoCommittee))
                    .OrderBy(p => p.Name).Take(100)
                    .ToListAsync(ct))
                .Select(p => new PersonChoice(p.Id, p.Name, p.Year,
                    p.Secretary ? ReserveTarget.Secretary : p.TwoCommittee ? ReserveTarget.TwoCommittee : null))
                .ToList();
        }
    }
}
