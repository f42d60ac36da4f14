using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Exports;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Audit;

/// <summary>
/// /Audit/Export?…: the entries the same filter lists on /Audit, as a workbook made for this request (nothing of it is
/// kept on the server). Bounded to <see cref="MaxRows"/> so a download finishes in seconds; the export is itself an
/// entry of the trail.
/// </summary>
[Authorize(Policy = AuditPermissions.Read)]
public sealed class ExportModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, AuditWriter audit) : PageModel
{
    public const int MaxRows = 100_000;

    public async Task<IActionResult> OnGetAsync([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        var entries = filter.Apply(db.Audit.AsNoTracking());
        var total = await entries.CountAsync(ct);
        if (total > MaxRows) return this.FlashAndRedirect(AuditTexts.TooManyToExport(total, MaxRows), "/Audit/Index", filter.RouteValues());

        var file = await Downloads.WriteTemporaryAsync(async stream =>
        {
            await using var book = await ExportBook.CreateAsync(stream, total, progress: null, ct);
            await book.WriteSheetAsync(AuditTexts.ExportSheet, AuditTexts.ExportHeaders, entries.ToRows().AsAsyncEnumerable().Select(a => a.Cells()), ct);
            await book.FinishAsync(ct);
        });
        await audit.AddAsync(new AuditEntry(me.UserName, AuditTexts.ExportedAudit, AuditTexts.ExportedDetail(total, filter.Describe()), clock.UtcNow()), HttpContext);
        return this.Attachment(file, AuditTexts.ExportFileName(clock.Today()));
    }
}
