using Training.Core.Domain;
using Training.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Features.Degree.Reviews;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Home;

/// <summary>The reviewer's home card: applications waiting at its own step (township, district or city).</summary>
public sealed class ReviewsWaitingCard(TrainingDbContext db, CurrentUser me, FiguresMemo memo) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (ReviewStage.For(me) is not { } stage) return Content("");
        var waiting = await memo.GetAsync($"ReviewsWaiting|{stage.Waiting}", [typeof(Enrollment), typeof(OrgUnit)],
            ct => db.Enrollments.AsNoTracking().InScope(me).CountAsync(e => e.State == stage.Waiting, ct), HttpContext.RequestAborted);
        return View("~/Features/Degree/Home/ReviewsWaitingCard.cshtml", waiting);
    }
}
