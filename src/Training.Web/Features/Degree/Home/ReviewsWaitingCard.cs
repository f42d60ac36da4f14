using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Features.Degree.Reviews;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Home;

/// <summary>The reviewer's home card: applications waiting at its own step (township, district or city).</summary>
public sealed class ReviewsWaitingCard(TrainingDbContext db, CurrentUser me) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (ReviewStage.For(me) is not { } stage) return Content("");
        var waiting = await db.Enrollments.AsNoTracking().InScope(me).CountAsync(e => e.State == stage.Waiting, HttpContext.RequestAborted);
        return View("~/Features/Degree/Home/ReviewsWaitingCard.cshtml", waiting);
    }
}
