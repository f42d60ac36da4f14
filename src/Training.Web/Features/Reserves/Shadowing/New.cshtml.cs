using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Workflow;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Scoping;
using ShadowingPeriod = Training.Core.Domain.Shadowing;

namespace Training.Web.Features.Reserves.Shadowing;

/// <summary>
/// 登记跟班学习: the township records one of its reserves in the pool working at its own office
/// (the account's unit) in a department for a period. The rules (in the pool, own township, no
/// overlap with the reserve's other periods) are the domain's; a broken one comes back with
/// what was typed (422).
/// </summary>
[Authorize(Policy = ReservesPermissions.Arrange)]
public sealed class NewModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? ReserveId { get; set; }
    [BindProperty] public string? Department { get; set; }
    /// <summary>Dates as typed, so that a wrong one comes back unchanged with its message.</summary>
    [BindProperty] public string? StartOn { get; set; }
    [BindProperty] public string? EndOn { get; set; }


    public sealed record ReserveChoice(int Id, string Name, string VillageName, ReserveTarget Target, DateOnly? InPoolOn);

    public IReadOnlyList<ReserveChoice> Reserves { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ReserveId is { } id && !await db.Reserves.InScope(me).AnyAsync(r => r.Id == id, ct)) return NotFound();
        StartOn ??= clock.Today().ToString("yyyy-MM-dd");
        await LoadAsync(ct);
        if (ReserveId is { } chosen && Reserves.All(r => r.Id != chosen))
            ModelState.AddModelError("", ShadowingTexts.NotInPool);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ReserveId is null) ModelState.AddModelError(nameof(ReserveId), ShadowingTexts.ChooseReserve);
        var startOn = ModelState.Date(nameof(StartOn), StartOn, CommonTexts.StartOn);
        var endOn = ModelState.Date(nameof(EndOn), EndOn, CommonTexts.EndOn);
        if (!ModelState.IsValid || startOn is null || endOn is null) return await AgainAsync(ct);

        var reserve = await db.Reserves.InScope(me).Include(r => r.Person).Include(r => r.Village)
            .SingleOrDefaultAsync(r => r.Id == ReserveId, ct);
        if (reserve is null) return NotFound();
        var township = await db.OrgUnits.SingleAsync(u => u.Id == me.OrgUnitId, ct);
        var existing = await db.Shadowings.Where(s => s.ReserveId == reserve.Id).ToListAsync(ct);

        var result = await db.CreateAsync(() =>
            {
                var period = ShadowingPeriod.Record(reserve, township, Department, startOn.Value, endOn.Value, me.Actor, clock.UtcNow(), existing);
                db.Audit.Add(new AuditEntry(me.UserName, ReservesTexts.ShadowingRecordedAudit,
                    ReservesTexts.ShadowingRecordedDetail(reserve.Person.Name, reserve.Id, township.Name, period.Department, ShadowingTexts.Period(period.StartOn, period.EndOn)), clock.UtcNow()));
                return (period, ShadowingTexts.Recorded(reserve.Person.Name, township.Name, period.Department, period.StartOn, period.EndOn));
            },
            period => db.Shadowings.Where(s => s.ReserveId == reserve.Id && s.StartOn <= period.EndOn && period.StartOn <= s.EndOn),
            (period, first) => new AuditEntry(me.UserName, ReservesTexts.ShadowingRetractedAudit, ReservesTexts.ShadowingRetractedDetail(period.Id, first), clock.UtcNow()),
            ShadowingTexts.Overlapping(reserve.Person.Name), ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Reserves/Shadowing/Detail", new { id = result.Id }),
            () => LoadAsync(ct), fieldPrefix: "");
    }

    private async Task<IActionResult> AgainAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return this.Unprocessable();
    }

    /// <summary>
    /// The township's reserves in the pool (the account's scope is its township), kept until a candidate enters or
    /// leaves the pool or a person or unit is renamed: the form's list was read again on every view.
    /// </summary>
    private async Task LoadAsync(CancellationToken ct) =>
        Reserves = await memo.GetAsync("ShadowingChoices", ChoicesFollow, c => db.Reserves.AsNoTracking().InScope(me)
            .Where(r => r.State == ReserveState.InPool)
            .OrderBy(r => r.Village.Path).ThenBy(r => r.Person.Name).ThenBy(r => r.Id)
            .Take(500)
            .Select(r => new ReserveChoice(r.Id, r.Person.Name, r.Village.Name, r.Target, r.InPoolOn))
            .ToListAsync(c), ct);

    private static readonly string[] ChoicesFollow = [DataFacets.PooledReserve, .. DataStamps.SubjectsOf(typeof(Person), typeof(OrgUnit))];
}
