using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Statistics.Export;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.DataExchange.Exports;

/// <summary>
/// /Exports/Download?id=N: the file of one of the account's own exports while it is kept.
/// Another account's export is not found (404); an expired one says so (410).
/// </summary>
[Authorize(Policy = DataExchangePermissions.Export)]
public sealed class DownloadModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, ExportStorage storage, AuditWriter audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }

    public string Reason { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = me.UserName;
        var run = Id is { } id
            ? await db.ExportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.RequestedBy == user, ct)
            : null;
        if (run is null) return NotFound();
        Response.Headers.CacheControl = "no-store";

        if (run.State == RunState.Failed)
            return Answer(StatusCodes.Status404NotFound, DataExchangeTexts.NothingToDownload);
        if (!run.State.IsFinished())
            return Answer(StatusCodes.Status409Conflict, DataExchangeTexts.StillWriting);
        if (!run.IsDownloadable(clock.UtcNow()) || !System.IO.File.Exists(storage.PathOf(run.StoredName!)))
            return Answer(StatusCodes.Status410Gone, DataExchangeTexts.FileExpired(storage.KeepFor.TotalHours));

        // Exports hold full ID numbers and phones for the roles that may see them: every download is audited.
        await audit.AddAsync(new AuditEntry(user, DataExchangeTexts.ExportDownloadedAudit, DataExchangeTexts.DownloadDetail(run.Id, run.DownloadName), clock.UtcNow()), HttpContext);
        Response.Headers.ContentDisposition = Downloads.ContentDisposition(run.DownloadName);
        return PhysicalFile(storage.PathOf(run.StoredName!), StatisticsReport.ContentType);
    }

    private PageResult Answer(int status, string message)
    {
        Reason = message;
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
