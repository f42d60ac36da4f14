using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.DataExchange.Import;

/// <summary>
/// One import: its progress while it is queued or running (htmx polls this same URL for the
/// fragment every second; 286 stops the polling once it is done), then its result: counts per
/// sheet, or the errors with the error workbook to download, or what went wrong.
/// </summary>
[Authorize(Policy = DataExchangePermissions.ImportRuns)]
public sealed class RunModel(TrainingDbContext db, CurrentUser me) : PageModel
{
    /// <summary>At most this many errors on the page; the error workbook has them all.</summary>
    public const int ErrorsShown = 200;

    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public RunView Run { get; private set; } = null!;
    public IReadOnlyList<SheetCounts> Counts { get; private set; } = [];
    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    public bool InWeChat => Request.Headers.UserAgent.ToString().Contains("MicroMessenger", StringComparison.OrdinalIgnoreCase);

    public sealed record RunView(int Id, ImportKind Kind, string FileName, string UploadedBy, DateTime CreatedAt, RunState State,
        int Percent, string Stage, int ErrorCount, string? Message, DateTime? FinishedAt, DateTime? FileDeletedAt)
    {
        /// <summary>Rejected with its upload still kept: the error workbook can be downloaded.</summary>
        public bool WorkbookDownloadable => State == RunState.Rejected && FileDeletedAt is null;
        public string FileNote => FileDeletedAt is { } deleted
            ? ImportTexts.FileDeleted(ChinaTime.Format(deleted))
            : ImportTexts.FileKeptUntil(ChinaTime.Format(ImportRun.FileKeptUntil(State, FinishedAt) ?? FinishedAt ?? CreatedAt));
        public bool Finished => State.IsFinished();
        public string CreatedAtText => ChinaTime.Format(CreatedAt);
        /// <summary>Where to upload again (a page name: the graduation list is the Degree module's page, offline hours the Learning module's).</summary>
        public string UploadPage => Kind switch
        {
            ImportKind.Graduation => "/Degree/Graduation/Index",
            ImportKind.OfflineHours => "/Learning/Offline/Index",
            _ => "/DataExchange/Import/Index",
        };
        public string Title => Kind switch
        {
            ImportKind.Graduation => ImportTexts.GraduationTitle,
            ImportKind.OfflineHours => ImportTexts.OfflineHoursTitle,
            _ => ImportTexts.RosterTitle,
        };
        /// <summary>What follows a successful import: the statistics are recomputed, or (offline hours) the ledger holds them already.</summary>
        public string SucceededNote => Kind == ImportKind.OfflineHours ? ImportTexts.LedgerNote : ImportTexts.RecomputingNote;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var run = await db.ImportRuns.AsNoTracking().InScope(me).Where(r => r.Id == Id)
            .Select(r => new
            {
                View = new RunView(r.Id, r.Kind, r.FileName, r.UploadedBy, r.CreatedAt, r.State, r.Percent, r.Stage, r.ErrorCount, r.Message, r.FinishedAt, r.FileDeletedAt),
                r.CountsJson,
                r.ErrorsJson,
            })
            .SingleOrDefaultAsync(ct);
        if (run is null) return NotFound();
        Run = run.View;
        if (Run.State == RunState.Succeeded) Counts = ImportJob.ReadCounts(run.CountsJson);
        if (Run.State == RunState.Rejected) Errors = ImportJob.ReadErrors(run.ErrorsJson).Take(ErrorsShown).ToList();
        Response.Headers.CacheControl = "no-store";

        var result = this.PageOrFragment("_Run");
        if (result is PartialViewResult && Run.Finished) Response.StopPolling();
        return result;
    }
}
