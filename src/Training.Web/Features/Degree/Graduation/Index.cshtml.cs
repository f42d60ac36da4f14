using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Graduation;

/// <summary>
/// 毕业名单导入 (SchoolRegistrar): the school's graduations and withdrawals from sheet 毕业名单,
/// for the account's own school only, through the same background run and result page as the roster.
/// </summary>
[Authorize(Policy = DegreePermissions.Registrar)]
[RequestSizeLimit(ImportUpload.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUpload.RequestLimit)]
[ImportUpload.TooLargeFilter]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, IBackgroundJobClient jobs) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty(SupportsGet = true)] public bool TooLarge { get; set; }

    public IReadOnlyList<ImportRunScope.RunRow> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (me.SchoolId is null) return NotFound();
        if (TooLarge) ModelState.AddModelError(nameof(Upload), ImportUpload.TooLarge);
        Runs = await ImportRunScope.RecentAsync(db, me, ImportKind.Graduation, 20, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (me.SchoolId is not { } schoolId) return NotFound();
        var (content, error) = await ImportUpload.ReadAsync(Upload, ct);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
            Runs = await ImportRunScope.RecentAsync(db, me, ImportKind.Graduation, 20, ct);
            return this.Unprocessable();
        }
        var run = new ImportRun(ImportKind.Graduation, ImportUpload.FileName(Upload!), me.UserName, schoolId, clock.UtcNow());
        var id = await ImportUpload.StoreAndEnqueueAsync(db, jobs, run, content!, ct);
        return RedirectToPage("/DataExchange/Import/Run", new { id });
    }
}
