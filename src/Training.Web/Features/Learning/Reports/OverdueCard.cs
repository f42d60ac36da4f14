using Training.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Training.Core.Data;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Learning.Reports;

/// <summary>
/// Staff home (LEARNING.md §7–§8): how many persons of the account's unit are overdue on a learning
/// assignment and how many of those who are to learn have not started this year, each a link to the
/// persons. The unit's own figures of its learning tree (<see cref="LearningReport.KeptWithChildrenAsync"/>).
/// </summary>
public sealed class OverdueCard(TrainingDbContext db, CurrentUser me, TimeProvider clock, LearningReport report, FiguresMemo memo) : ViewComponent
{
    public sealed record Counts(int UnitId, int Year, int NotStarted, int Overdue);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var unit = await IndexModel.FindAsync(db, me, null, ct);
        if (unit is null) return Content("");
        var today = clock.Today();
        // The same kept tree as the unit's report: after a save, whichever of the two comes first counts it again.
        var (own, _, _) = await report.KeptWithChildrenAsync(memo, unit, today.Year, today, ct);
        return View("~/Features/Learning/Reports/OverdueCard.cshtml", new Counts(unit.Id, today.Year, own.NotStarted, own.Overdue));
    }
}
