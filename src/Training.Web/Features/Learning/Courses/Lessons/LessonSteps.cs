using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Learning.Courses.Lessons;

/// <summary>What the lesson pages share: the course they add to, as its author may change it.</summary>
public static class LessonSteps
{
    /// <summary>The course, or how to refuse it (<see cref="CourseSteps.RefuseAsync"/>).</summary>
    public sealed record Found(Course? Course, IActionResult? Refusal);

    public static async Task<Found> FindAsync(PageModel page, TrainingDbContext db, CurrentUser me, int courseId, CancellationToken ct)
    {
        var c = await CourseSteps.Managed(db, me, courseId).AsNoTracking().SingleOrDefaultAsync(ct);
        return c is not null ? new Found(c, null) : new Found(null, await page.RefuseAsync(db, me, courseId, ct));
    }
}
