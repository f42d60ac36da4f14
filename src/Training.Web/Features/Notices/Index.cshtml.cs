using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Notices;

/// <summary>通知公告: the notices the account reads (its units' and those above), 置顶 first, then the newest.</summary>
[Authorize(Policy = NoticesPermissions.Read)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public NoticeCategory? Category { get; set; }

    public sealed record Row(int Id, string Title, NoticeCategory Category, bool Pinned, DateTime? PublishedAt, string Owner, int Attachments);

    public Paged<Row> Rows { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var category = Category is { } c && Enum.IsDefined(c) ? c : (NoticeCategory?)null;
        Rows = await memo.GetAsync($"Notices|{category}|{PageNumber}|{today:yyyyMMdd}", Follows, ct =>
        {
            var query = db.Notices.AsNoTracking().InScope(me, db.Persons, today);
            if (category is { } only) query = query.Where(n => n.Category == only);
            return query.Newest()
                .Select(n => new Row(n.Id, n.Title, n.Category, n.Pinned, n.PublishedAt, n.Owner.Name, n.Attachments.Count))
                .ToPagedAsync(PageNumber, ct);
        }, ct);
        return this.PageOrFragment("_Rows");
    }

    // Each page of the list is kept per day (a notice's window opens and closes by the day) until a notice, an
    // attachment, a unit or a person (a trainee reads by its village) is saved: two queries a view.
    private static readonly Type[] Follows = [typeof(Notice), typeof(NoticeAttachment), typeof(OrgUnit), typeof(Person)];

    public string PageUrl(int page) => Url.Page("/Notices/Index", new { Category, p = page > 1 ? page : (int?)null })!;
}
