using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpreadCheetah;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Exports;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Audit;

/// <summary>
/// /Audit/Export?…: the entries the same filter lists on /Audit, as a workbook made for this request (nothing of it is
/// kept on the server). Bounded to <see cref="MaxRows"/> so a download finishes in seconds; the export is itself an
/// entry of the trail.
/// </summary>
[Authorize(Policy = AuditPermissions.Read)]
public sealed class ExportModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
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
            var headers = AuditTexts.ExportHeaders;
            await book.StartSheetAsync(AuditTexts.ExportSheet, headers, ct);
            var cells = new Cell[headers.Count];
            await foreach (var a in entries.AsAsyncEnumerable().WithCancellation(ct))
            {
                cells[0] = ExportBook.Text(ChinaTime.Format(a.At));
                cells[1] = ExportBook.Text(a.UserName);
                cells[2] = ExportBook.Text(a.Action);
                cells[3] = ExportBook.Text(a.Detail);
                cells[4] = ExportBook.Text(AuditTexts.OutcomeName(a.Outcome));
                cells[5] = ExportBook.Text(a.Source);
                await book.AddRowAsync(cells, ct);
            }
            await book.FinishAsync(ct);
        });
        db.Audit.Add(new AuditEntry(me.UserName, AuditTexts.ExportedAudit, AuditTexts.ExportedDetail(total, filter.Describe()), clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return this.Attachment(file, AuditTexts.ExportFileName(clock.Today()));
    }
}
