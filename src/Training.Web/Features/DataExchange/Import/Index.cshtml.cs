using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.DataExchange.Import;

/// <summary>
/// 数据导入 (CityAdmin): upload a roster workbook; it is stored and imported in the background
/// (<see cref="ImportJob"/>), and the run page shows its progress and then its result.
/// </summary>
[Authorize(Policy = DataExchangePermissions.ImportRoster)]
[RequestSizeLimit(ImportUpload.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUpload.RequestLimit)]
[ImportUpload.TooLargeFilter]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, IBackgroundJobClient jobs) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    /// <summary>Set by <see cref="ImportUpload.TooLargeFilterAttribute"/> when a request was too large to read.</summary>
    [BindProperty(SupportsGet = true)] public bool TooLarge { get; set; }

    public IReadOnlyList<ImportRunScope.RunRow> Runs { get; private set; } = [];

    /// <summary>The sheets as the user fills them: name, headers in order, and what to know.</summary>
    public sealed record SheetHelp(string Name, IReadOnlyList<string> Columns, string Note);

    public static readonly IReadOnlyList<SheetHelp> Sheets =
    [
        new(RosterSheets.Org, RosterSheets.OrgColumns, ImportTexts.OrgHelp),
        new(RosterSheets.Persons, RosterSheets.PersonColumns, ImportTexts.PersonsHelp),
        new(RosterSheets.Posts, RosterSheets.PostColumns, ImportTexts.PostsHelp),
        new(RosterSheets.Enrollments, RosterSheets.EnrollmentColumns, ImportTexts.EnrollmentsHelp),
        new(RosterSheets.Reserves, RosterSheets.ReserveColumns, ImportTexts.ReservesHelp),
        new(RosterSheets.KeyPosts, RosterSheets.KeyPostColumns, ImportTexts.KeyPostsHelp),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (TooLarge) ModelState.AddModelError(nameof(Upload), ImportUpload.TooLarge);
        Runs = await ImportRunScope.RecentAsync(db, me, ImportKind.Roster, 20, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (content, error) = await ImportUpload.ReadAsync(Upload, ct);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
            Runs = await ImportRunScope.RecentAsync(db, me, ImportKind.Roster, 20, ct);
            return this.Unprocessable();
        }
        var run = new ImportRun(ImportKind.Roster, ImportUpload.FileName(Upload!), me.UserName, null, clock.UtcNow());
        var id = await ImportUpload.StoreAndEnqueueAsync(db, jobs, run, content!, ct);
        return RedirectToPage("/DataExchange/Import/Run", new { id });
    }
}
