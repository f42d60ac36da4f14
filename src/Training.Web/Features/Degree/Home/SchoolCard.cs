using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Home;

/// <summary>The registrar's home card: its school's trainees in study and graduated, and the way to their records.</summary>
public sealed class SchoolCard(TrainingDbContext db, CurrentUser me) : ViewComponent
{
    public sealed record Counts(string SchoolName, int InStudy, int Graduated);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var name = await db.Schools.AsNoTracking().Where(s => s.Id == me.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        if (name is null) return Content("");
        var mine = db.Enrollments.AsNoTracking().InScope(me);
        return View("~/Features/Degree/Home/SchoolCard.cshtml", new Counts(name,
            await mine.CountAsync(e => e.State == EnrollmentState.Admitted, ct),
            await mine.CountAsync(e => e.State == EnrollmentState.Graduated, ct)));
    }
}
