using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Audit.Home;

/// <summary>The auditor's home card: today's entries in Guangzhou and how many of them were refusals, each a link to the list.</summary>
public sealed class AuditCard(TrainingDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Today(DateOnly Day, int Entries, int Refused);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var day = clock.Today();
        var start = ChinaTime.StartUtc(day);
        var ct = HttpContext.RequestAborted;
        // Read through the index on At: today's entries only, however long the trail.
        var counts = await db.Audit.AsNoTracking().Where(a => a.At >= start)
            .GroupBy(a => a.Outcome).Select(g => new { Outcome = g.Key, Count = g.Count() }).ToListAsync(ct);
        return View("~/Features/Audit/Home/AuditCard.cshtml",
            new Today(day, counts.Sum(c => c.Count), counts.Where(c => c.Outcome == AuditOutcome.Refused).Sum(c => c.Count)));
    }
}
