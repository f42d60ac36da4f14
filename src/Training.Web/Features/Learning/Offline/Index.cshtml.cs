using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.Statistics.Export;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Learning.Offline;

/// <summary>
/// 线下学时导入 (CityAdmin for the city, DistrictStaff for its district): upload sheet 线下学时; it is
/// stored and imported in the background by the same job, run page and error workbook as the roster,
/// with the uploader's unit as the scope of the persons it may name. Offers the template.
/// </summary>
[Authorize(Policy = LearningPermissions.Offline)]
[RequestSizeLimit(ImportUpload.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUpload.RequestLimit)]
[ImportUpload.TooLargeFilter]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, IBackgroundJobClient jobs) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty(SupportsGet = true)] public bool TooLarge { get; set; }

    public IReadOnlyList<ImportRunScope.RunRow> Runs { get; private set; } = [];

    public bool InWeChat => Request.Headers.UserAgent.ToString().Contains("MicroMessenger", StringComparison.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (me.OrgUnitId is null) return NotFound();
        if (TooLarge) ModelState.AddModelError(nameof(Upload), ImportUpload.TooLarge);
        Runs = await ImportRunScope.RecentAsync(db, me, ImportKind.OfflineHours, 20, ct);
        return Page();
    }

    /// <summary>The template: the contract's header and a sheet of notes.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var file = new MemoryStream();
        await OfflineTemplate.WriteAsync(file, ct);
        file.Position = 0;
        Response.Headers.ContentDisposition = Downloads.ContentDisposition(OfflineTexts.TemplateFileName);
        return File(file, StatisticsReport.ContentType);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (me.OrgUnitId is not { } unitId) return NotFound();
        var (content, error) = await ImportUpload.ReadAsync(Upload, ct);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
            Runs = await ImportRunScope.RecentAsync(db, me, ImportKind.OfflineHours, 20, ct);
            return this.Unprocessable();
        }
        var run = new ImportRun(ImportKind.OfflineHours, ImportUpload.FileName(Upload!), me.UserName, null, clock.UtcNow(), unitId);
        var id = await ImportUpload.StoreAndEnqueueAsync(db, jobs, run, content!, ct);
        return RedirectToPage("/DataExchange/Import/Run", new { id });
    }
}
