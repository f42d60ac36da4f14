using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpreadCheetah;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Exports;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.People.MyData;

/// <summary>
/// /MyData/Download: the sheets of 我的数据 as a workbook made for this request (PIPL Art. 45: a copy), nothing of it
/// kept on the server; the download is audited. A GET that changes only the trail, like every download.
/// </summary>
[Authorize(Policy = PeoplePermissions.OwnData)]
public sealed class DownloadModel(TrainingDbContext db, MyDataSheets sheets, CurrentUser me, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var all = await sheets.ReadAllAsync(ct);
        var rows = all.Sum(s => s.Rows.Count);
        var file = await Downloads.WriteTemporaryAsync(async stream =>
        {
            await using var book = await ExportBook.CreateAsync(stream, rows, progress: null, ct);
            foreach (var sheet in all)
            {
                await book.StartSheetAsync(sheet.Title, sheet.Headers, ct);
                var cells = new Cell[sheet.Headers.Count];
                foreach (var row in sheet.Rows)
                {
                    for (var i = 0; i < cells.Length; i++) cells[i] = ExportBook.Text(row[i]);
                    await book.AddRowAsync(cells, ct);
                }
            }
            await book.FinishAsync(ct);
        });
        db.Audit.Add(new AuditEntry(me.UserName, MyDataTexts.DownloadedAudit, MyDataTexts.DownloadDetail(all.Count, rows), clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return this.Attachment(file, MyDataTexts.FileName(clock.Today()));
    }
}
