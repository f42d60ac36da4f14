using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Notices;

/// <summary>
/// One notice: its body (Markdown, rendered safely) and attachments, to whoever reads it (published, not
/// expired, from its unit or above), and to its own unit's authors in every state (a draft as a preview,
/// an expired or withdrawn one with its state). Anyone else: not found.
/// </summary>
[Authorize(Policy = NoticesPermissions.Read)]
public sealed class DetailsModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public Notice Notice { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";
    public bool MayManage { get; private set; }
    public bool Expired { get; private set; }
    public bool InWeChat => Request.Headers.UserAgent.ToString().Contains("MicroMessenger", StringComparison.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var today = clock.Today();
        MayManage = await db.Notices.ManagedBy(me).AnyAsync(n => n.Id == id, ct);
        if (!MayManage && !await db.Notices.InScope(me, db.Persons, today).AnyAsync(n => n.Id == id, ct)) return NotFound();
        Notice = await db.Notices.AsNoTracking().Include(n => n.Owner).Include(n => n.Attachments).SingleAsync(n => n.Id == id, ct);
        BodyHtml = SafeMarkdown.ToHtml(Notice.Body);
        Expired = Notice.IsExpiredOn(today);
        return Page();
    }
}
