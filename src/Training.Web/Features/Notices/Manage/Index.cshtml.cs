using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Notices.Manage;

/// <summary>发布通知: the account's own unit's notices in every state (已过期 among the published), newest first.</summary>
[Authorize(Policy = NoticesPermissions.Publish)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public sealed record Row(int Id, string Title, NoticeCategory Category, NoticeState State, bool Pinned, DateOnly? ExpiresOn, DateTime CreatedAt);

    public Paged<Row> Rows { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public string OwnerName => me.OrgName;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        Rows = await db.Notices.AsNoTracking().ManagedBy(me)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new Row(n.Id, n.Title, n.Category, n.State, n.Pinned, n.ExpiresOn, n.CreatedAt))
            .ToPagedAsync(PageNumber, ct);
        return this.PageOrFragment("_Rows");
    }

    public string StateOf(Row r) =>
        r.State == NoticeState.Published && r.ExpiresOn is { } last && last < Today ? NoticesTexts.Expired : r.State.Name();

    public string PageUrl(int page) => Url.Page("/Notices/Manage/Index", new { p = page > 1 ? page : (int?)null })!;
}
