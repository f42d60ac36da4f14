using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Features.Learning.Study;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Learning.Media;

/// <summary>
/// A lesson's PDF or MP4, to whoever may open its course: sent from the shared folder by the server's
/// file sender with range requests (a phone seeks by asking for the bytes it needs; memory stays
/// bounded whatever the file's size), and cacheable in the browser since a stored name never changes.
/// </summary>
[Authorize(Policy = LearningPermissions.Read)]
public sealed class FileModel(TrainingDbContext db, CurrentUser me, MediaStorage storage, TimeProvider clock) : PageModel
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var courses = StudyQueries.Openable(db, me, clock.Today()).Select(c => c.Id);
        var name = await db.Lessons.AsNoTracking()
            .Where(l => l.Id == id && courses.Contains(l.CourseId))
            .Select(l => l.MediaName)
            .SingleOrDefaultAsync(ct);
        if (name is null || MediaKind.OfStoredName(name) is not { } kind) return NotFound();
        var path = storage.PathOf(name);
        if (!System.IO.File.Exists(path)) return NotFound();
        SecurityHeaders.AllowPrivateCaching(HttpContext, KeepFor);
        return new PhysicalFileResult(path, kind.ContentType) { EnableRangeProcessing = true };
    }
}
