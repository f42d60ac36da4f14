using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Statistics.Export;

/// <summary>
/// 导出统计报表: CityAdmin for the city or any district, DistrictStaff for its own district.
/// The POST computes the figures fresh, writes the xlsx to a temporary file (so that a failure
/// answers an error page, not half a download) and sends it; every export is audited.
/// </summary>
[Authorize(Policy = StatisticsPermissions.Report)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, StatisticsReport report) : PageModel
{
    [BindProperty, Display(Name = StatisticsTexts.ScopeLabel)]
    public string? Scope { get; set; }

    [BindProperty, Display(Name = StatisticsTexts.AsOfLabel)]
    [Required(ErrorMessage = StatisticsTexts.AsOfRequired)]
    public DateOnly? AsOf { get; set; }

    public IReadOnlyList<ReportScope> Scopes { get; private set; } = [];

    /// <summary>WeChat's built-in browser does not save downloads: the page tells the user to open it in the system browser.</summary>
    public bool InWeChat => Request.Headers.UserAgent.ToString().Contains("MicroMessenger", StringComparison.OrdinalIgnoreCase);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scopes = await StatisticsReport.ScopesAsync(db.OrgUnits.InScope(me), ct);
        Scope = Scopes.FirstOrDefault()?.Code;
        AsOf = clock.Today();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Scopes = await StatisticsReport.ScopesAsync(db.OrgUnits.InScope(me), ct);
        if (string.IsNullOrWhiteSpace(Scope)) ModelState.AddModelError(nameof(Scope), StatisticsTexts.ScopeRequired);
        if (!ModelState.IsValid) return this.Unprocessable();

        // A unit outside the account's scope (another district) is not found, like any record out of scope.
        var scope = await StatisticsReport.FindScopeAsync(db.OrgUnits.InScope(me), Scope!.Trim(), ct);
        if (scope is null) return NotFound();
        var asOf = AsOf!.Value;
        var masked = !me.MaySeePersonalData;

        var file = await Downloads.WriteTemporaryAsync(stream => report.WriteAsync(stream, scope, asOf, masked, ct));

        db.Audit.Add(new AuditEntry(me.UserName, StatisticsTexts.ReportAudit,
            StatisticsTexts.ReportExported(scope.Label, asOf, masked), clock.UtcNow()));
        await db.SaveChangesAsync(ct);

        return this.Attachment(file, StatisticsReport.FileName(scope.Code, asOf));
    }
}
