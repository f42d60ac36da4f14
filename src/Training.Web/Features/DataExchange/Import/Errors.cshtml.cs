using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.Statistics.Export;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.DataExchange.Import;

/// <summary>
/// The error workbook of a rejected import (<see cref="ErrorWorkbook"/>). A GET: it changes
/// nothing but the audit trail (the workbook holds the roster's rows as uploaded: full ID numbers and phones).
/// </summary>
[Authorize(Policy = DataExchangePermissions.ImportRuns)]
public sealed class ErrorsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, AuditWriter audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var run = await db.ImportRuns.AsNoTracking().InScope(me)
            .Where(r => r.Id == Id && r.State == RunState.Rejected)
            .Select(r => new { r.FileName, r.ErrorsJson })
            .SingleOrDefaultAsync(ct);
        if (run is null) return NotFound();
        var content = await db.ImportFiles.AsNoTracking().Where(f => f.ImportRunId == Id).Select(f => f.Content).SingleOrDefaultAsync(ct);
        // Deleted after its week (ForgetImportFilesJob): the run's page says so and lists the errors.
        if (content is null) return RedirectToPage("/DataExchange/Import/Run", new { id = Id });

        var file = await Downloads.WriteTemporaryAsync(stream => ErrorWorkbook.WriteAsync(stream, content, ImportJob.ReadErrors(run.ErrorsJson), ct));
        await audit.AddAsync(new AuditEntry(me.UserName, DataExchangeTexts.ErrorWorkbookDownloadedAudit, DataExchangeTexts.DownloadDetail(Id, ErrorWorkbook.FileName(run.FileName)), clock.UtcNow()), HttpContext);
        return this.Attachment(file, ErrorWorkbook.FileName(run.FileName));
    }
}
