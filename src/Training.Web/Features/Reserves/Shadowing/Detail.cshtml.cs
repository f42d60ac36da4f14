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

namespace Training.Web.Features.Reserves.Shadowing;

/// <summary>
/// One period of 跟班学习: the facts for every staff account in scope, and for the township whose
/// office it is, the evaluation form (posting the version it saw: if someone evaluated in the
/// meantime the account is told, 409). Outside the scope: 404.
/// </summary>
[Authorize(Policy = ReservesPermissions.View)]
public sealed class DetailModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public Rating? Rating { get; set; }
    [BindProperty] public string? Evaluation { get; set; }


    public sealed record View(int Id, Guid Version, int ReserveId, string ReserveName, ReserveTarget Target,
        string VillageName, int TownshipId, string TownshipName, string Department, DateOnly StartOn, DateOnly EndOn,
        Rating? Rating, string? Evaluation, string? EvaluatedBy, DateTime? EvaluatedAt, string CreatedBy, DateTime CreatedAt);

    public View Period { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public PeriodPhase Status => PeriodPhases.On(Period.StartOn, Period.EndOn, Today);
    /// <summary>Only the township whose office the reserve works at evaluates (PRODUCT.md §6).</summary>
    public bool MayEvaluate => me.IsIn(Roles.TownshipStaff) && me.OrgUnitId == Period.TownshipId;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Rating = Period.Rating;
        Evaluation = Period.Evaluation;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var period = db.Shadowings.InScope(me).Include(s => s.Reserve).ThenInclude(r => r.Person).Where(s => s.Id == id);
        var township = await period.Select(s => (int?)s.TownshipId).SingleOrDefaultAsync(ct);
        if (township is null) return NotFound();
        if (!me.IsIn(Roles.TownshipStaff) || me.OrgUnitId != township) return Forbid();
        var result = await db.RunAsync(period, Version, p =>
        {
            // A missing choice is not a grade: the domain refuses it in Chinese.
            p.Evaluate(Rating ?? 0, Evaluation, me.Actor, clock.UtcNow(), clock.Today());
            db.Audit.Add(new AuditEntry(me.UserName, ReservesTexts.ShadowingEvaluatedAudit,
                ReservesTexts.ShadowingEvaluatedDetail(p.Reserve.Person.Name, p.Id, p.Rating!.Value), clock.UtcNow()));
            return ShadowingTexts.Evaluated(p.Reserve.Person.Name, p.Rating!.Value);
        }, ct);
        // The page again keeps what was typed; the version stays the one the user saw.
        return await this.AnswerAsync(result,
            done: () => RedirectToPage("/Reserves/Shadowing/Detail", new { id }),
            again: async () => await LoadAsync(id, ct),
            fieldPrefix: null);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Today = clock.Today();
        var period = await db.Shadowings.AsNoTracking().InScope(me).Where(s => s.Id == id)
            .Select(s => new View(s.Id, s.Version, s.ReserveId, s.Reserve.Person.Name, s.Reserve.Target,
                s.Reserve.Village.Name, s.TownshipId, s.Township.Name, s.Department, s.StartOn, s.EndOn,
                s.Rating, s.Evaluation, s.EvaluatedBy, s.EvaluatedAt, s.CreatedBy, s.CreatedAt))
            .SingleOrDefaultAsync(ct);
        if (period is null) return false;
        Period = period;
        return true;
    }
}
