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
    /// <summary>The course, or how to refuse: not found outside the scope, forbidden for a course the account only sees.</summary>
    public sealed record Found(Course? Course, Func<PageModel, IActionResult>? Answer);

    public static async Task<Found> FindAsync(TrainingDbContext db, CurrentUser me, int courseId, CancellationToken ct)
    {
        var c = await CourseSteps.Managed(db, me, courseId).AsNoTracking().SingleOrDefaultAsync(ct);
        if (c is not null) return new Found(c, null);
        return await db.Courses.InScope(me, db.Persons).AnyAsync(x => x.Id == courseId, ct)
            ? new Found(null, p => p.Forbid())
            : new Found(null, p => p.NotFound());
    }
}
