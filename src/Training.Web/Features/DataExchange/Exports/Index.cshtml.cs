using Training.Web.Infrastructure.Web;
using Hangfire;
using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.DataExchange.Exports;

/// <summary>
/// 数据导出: any staff account asks for the enrollment list or the roster of a unit in its scope;
/// a background job (<see cref="ExportJob"/>) writes the file while the list of the account's own
/// exports shows the progress (htmx polls it every second; without JavaScript a refresh link),
/// then a download link until the file expires. Whether ID numbers and phones leave unmasked is
/// decided here (CityAdmin and DistrictStaff, inside their scope) and audited.
/// </summary>
[Authorize(Policy = DataExchangePermissions.Export)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, IBackgroundJobClient jobs, ExportStorage storage) : PageModel
{
    /// <summary>The list shows the account's latest exports.</summary>
    public const int ListLength = 20;

    private const string FormSelector = "form[data-testid=export-form]";

    [BindProperty] public ExportKind? Kind { get; set; }
    /// <summary>The unit's code.</summary>
    [BindProperty] public string? Scope { get; set; }

    public IReadOnlyList<ScopeOption> Scopes { get; private set; } = [];
    public IReadOnlyList<RunView> Runs { get; private set; } = [];
    public bool Polling => Runs.Any(r => !r.State.IsFinished());
    public bool Unmasked => me.MaySeePersonalData;
    public int KeepHours => (int)Math.Round(storage.KeepFor.TotalHours);
    public bool InWeChat => Request.Headers.UserAgent.ToString().Contains("MicroMessenger", StringComparison.OrdinalIgnoreCase);

    public sealed record ScopeOption(string Code, string Label, OrgLevel Level);

    public sealed record RunView(
        int Id, ExportKind Kind, string ScopeLabel, bool Unmasked, RunState State, int Percent, int Rows,
        DateTime CreatedAt, DateTime? ExpiresAt, bool Expired, string? Message, bool Downloadable)
    {
        public string StateText => State == RunState.Succeeded && !Downloadable ? DataExchangeTexts.Expired : State.Name();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Kind = ExportKind.Enrollments;
        Scope = Scopes.FirstOrDefault()?.Code;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The list of my exports: the fragment htmx polls every second; 286 stops the polling once all are finished.</summary>
    public async Task<IActionResult> OnGetRunsAsync(CancellationToken ct)
    {
        Runs = await RunsAsync(ct);
        if (!Polling) Response.StopPolling();
        Response.Headers.CacheControl = "no-store";
        return Partial("_Runs", this);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Kind is null || !ExportKinds.All.Contains(Kind.Value)) ModelState.AddModelError(nameof(Kind), DataExchangeTexts.KindRequired);
        if (string.IsNullOrWhiteSpace(Scope)) ModelState.AddModelError(nameof(Scope), DataExchangeTexts.ScopeRequired);
        if (!ModelState.IsValid)
        {
            // htmx posted the form to swap the list: the form with its messages replaces the form instead.
            if (Request.IsHtmx()) Response.Htmx(h => h.Retarget(FormSelector).Reselect(FormSelector).Reswap("outerHTML"));
            return this.Unprocessable();
        }

        // A unit outside the account's scope is not found, like any record out of scope.
        var code = Scope!.Trim();
        var scope = await db.OrgUnits.AsNoTracking().InScope(me).Where(u => u.Code == code)
            .Select(u => new ExportScope(u.Id, u.Code, u.Name, u.Path, u.Level)).SingleOrDefaultAsync(ct);
        if (scope is null) return NotFound();

        var kind = Kind!.Value;
        var unmasked = me.MaySeePersonalData;
        var now = clock.UtcNow();
        var run = new ExportRun(kind, scope.Id, scope.Label, me.UserName, unmasked,
            ExportKinds.FileName(kind, scope.Code, clock.Today()), now);
        db.ExportRuns.Add(run);
        db.Audit.Add(new AuditEntry(me.UserName, DataExchangeTexts.ExportAudit,
            DataExchangeTexts.ExportRequested(kind.Name(), scope.Label, unmasked), now));
        await db.SaveChangesAsync(ct);
        ExportJob.Enqueue(jobs, run.Id);

        if (Request.IsHtmx())
        {
            Runs = await RunsAsync(ct);
            return Partial("_Runs", this);
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var own = me.OrgUnitId;
        var units = await db.OrgUnits.AsNoTracking().InScope(me)
            .Where(u => u.Id == own || u.Level <= OrgLevel.Township)
            .OrderBy(u => u.Code)
            .Select(u => new { u.Code, u.Name, u.Level })
            .ToListAsync(ct);
        Scopes = units.Select(u => new ScopeOption(u.Code, CommonTexts.UnitLabel(u.Name, u.Code), u.Level)).ToList();
        Runs = await RunsAsync(ct);
    }

    private async Task<IReadOnlyList<RunView>> RunsAsync(CancellationToken ct)
    {
        var now = clock.UtcNow();
        var user = me.UserName;
        var runs = await db.ExportRuns.AsNoTracking()
            .Where(r => r.RequestedBy == user)
            .OrderByDescending(r => r.Id).Take(ListLength)
            .ToListAsync(ct);
        return runs.Select(r => new RunView(r.Id, r.Kind, r.ScopeLabel, r.Unmasked, r.State, r.Percent, r.Rows, r.CreatedAt, r.ExpiresAt,
                r.Expired, r.Message, r.IsDownloadable(now)))
            .ToList();
    }
}
