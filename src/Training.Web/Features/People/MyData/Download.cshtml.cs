using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
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
/// At most <see cref="Limit"/> downloads an account in <see cref="Window"/>, counted in the trail (so on every web node):
/// each writes the whole account and appends to the audit trail, so a script holding a trainee's session must not be able
/// to make the server write it a thousand times a second or flood the trail — a person wanting a copy needs one.
/// </summary>
[Authorize(Policy = PeoplePermissions.OwnData)]
public sealed class DownloadModel(TrainingDbContext db, MyDataSheets sheets, CurrentUser me, TimeProvider clock) : PageModel
{
    public const int Limit = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await RecentDownloadsAsync(ct) >= Limit) return this.FlashAndRedirect(MyDataTexts.DownloadLimited(Limit, Window), "/People/MyData/Index");
        var written = (Sheets: 0, Rows: 0);
        var file = await Downloads.WriteTemporaryAsync(async stream =>
        {
            await using var book = await ExportBook.CreateAsync(stream, total: 0, progress: null, ct);
            written = await sheets.WriteAllAsync(book, ct);
            await book.FinishAsync(ct);
        });
        db.Audit.Add(new AuditEntry(me.UserName, MyDataTexts.DownloadedAudit, MyDataTexts.DownloadDetail(written.Sheets, written.Rows), clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return this.Attachment(file, MyDataTexts.FileName(clock.Today()));
    }

    /// <summary>How many of the account's latest <see cref="Limit"/> downloads fall in the window (walks the account's trail back from its newest entry, no further than that many downloads).</summary>
    private Task<int> RecentDownloadsAsync(CancellationToken ct)
    {
        var since = clock.UtcNow() - Window;
        return db.Audit.Where(a => a.UserName == me.UserName && a.Action == MyDataTexts.DownloadedAudit)
            .OrderByDescending(a => a.Id).Take(Limit).CountAsync(a => a.At >= since, ct);
    }
}
