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

/// <summary>通知公告: the notices the account reads (its units' and those above), 置顶 first, then the newest.</summary>
[Authorize(Policy = NoticesPermissions.Read)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public NoticeCategory? Category { get; set; }

    public sealed record Row(int Id, string Title, NoticeCategory Category, bool Pinned, DateTime? PublishedAt, string Owner, int Attachments);

    public Paged<Row> Rows { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = db.Notices.AsNoTracking().InScope(me, db.Persons, clock.Today());
        if (Category is { } c && Enum.IsDefined(c)) query = query.Where(n => n.Category == c);
        Rows = await query.Newest()
            .Select(n => new Row(n.Id, n.Title, n.Category, n.Pinned, n.PublishedAt, n.Owner.Name, n.Attachments.Count))
            .ToPagedAsync(PageNumber, ct);
        return this.PageOrFragment("_Rows");
    }

    public string PageUrl(int page) => Url.Page("/Notices/Index", new { Category, p = page > 1 ? page : (int?)null })!;
}
