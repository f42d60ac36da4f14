using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Features.Learning.Media;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Notices;

/// <summary>
/// A notice's attachment, downloaded under the name it was uploaded with, by whoever may open the notice
/// (<see cref="DetailsModel"/>'s rule): anyone else gets 404, as if it did not exist.
/// </summary>
[Authorize(Policy = NoticesPermissions.Read)]
public sealed class AttachmentModel(TrainingDbContext db, CurrentUser me, MediaStorage storage, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var readable = db.Notices.InScope(me, db.Persons, clock.Today()).Select(n => n.Id);
        var managed = db.Notices.ManagedBy(me).Select(n => n.Id);
        var file = await db.NoticeAttachments.AsNoTracking()
            .Where(a => a.Id == id && (readable.Contains(a.NoticeId) || managed.Contains(a.NoticeId)))
            .Select(a => new { a.FileName, a.StoredName })
            .SingleOrDefaultAsync(ct);
        if (file is null || MediaKind.OfStoredName(file.StoredName) is not { } kind) return NotFound();
        var path = storage.PathOf(file.StoredName);
        if (!System.IO.File.Exists(path)) return NotFound();
        return new PhysicalFileResult(path, kind.ContentType) { FileDownloadName = file.FileName, EnableRangeProcessing = true };
    }
}
