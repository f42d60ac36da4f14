using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Notices.Home;

/// <summary>The home's 通知公告: the latest few notices the account reads (置顶 first, none expired), with 更多.</summary>
public sealed class LatestNoticesCard(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : ViewComponent
{
    public const int Shown = 3;

    public sealed record Line(int Id, string Title, bool Pinned, DateTime? PublishedAt, NoticeCategory Category);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var today = clock.Today();
        // On every home: kept per account and day until a notice, a person or a unit is saved.
        var lines = await memo.GetAsync($"LatestNotices|{today:yyyyMMdd}", [typeof(Notice), typeof(Person), typeof(OrgUnit)],
            async ct => (IReadOnlyList<Line>)await db.Notices.AsNoTracking().InScope(me, db.Persons, today).Newest()
                .Select(n => new Line(n.Id, n.Title, n.Pinned, n.PublishedAt, n.Category))
                .Take(Shown)
                .ToListAsync(ct), HttpContext.RequestAborted);
        return View("~/Features/Notices/Home/LatestNoticesCard.cshtml", lines);
    }
}
