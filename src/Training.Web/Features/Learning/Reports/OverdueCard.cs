using Training.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Training.Core.Data;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Learning.Reports;

/// <summary>
/// Staff home (LEARNING.md §7–§8): how many persons of the account's unit are overdue on a learning
/// assignment and how many of those who are to learn have not started this year, each a link to the
/// persons. The unit's figures (<see cref="LearningReport.ComputeAsync"/>), read from the kept rows.
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
        // Kept while nothing the kept rows follow has changed (LearningTallyStamps: by person, by reach, everything).
        var counts = await memo.GetAsync($"LearningOverdue|{unit.Id}|{today:yyyyMMdd}", LearningTallyStamps.Followed, async ct =>
        {
            var figures = await report.ComputeAsync(unit, today.Year, today, ct);
            return new Counts(unit.Id, today.Year, figures.NotStarted, figures.Overdue);
        }, ct);
        return View("~/Features/Learning/Reports/OverdueCard.cshtml", counts);
    }
}
