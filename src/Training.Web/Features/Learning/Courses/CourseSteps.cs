using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning.Courses;

/// <summary>Every step on a course: found among the account's own unit's courses, at the version the author saw, audited.</summary>
public static class CourseSteps
{
    /// <summary>A course with its lessons, as its author may change it.</summary>
    public static IQueryable<Course> Managed(TrainingDbContext db, CurrentUser me, int id) =>
        db.Courses.ManagedBy(me).Include(c => c.Owner).Include(c => c.Lessons).Where(c => c.Id == id);

    /// <summary>Acts on the course (its verb, returning what the audit records and the message to show) and saves with the audit entry.</summary>
    public static async Task<StepResult> RunAsync(TrainingDbContext db, CurrentUser me, TimeProvider clock, int id, Guid seenVersion,
        string action, Func<Course, (string Detail, string Message)> act, CancellationToken ct)
    {
        var result = await db.RunAsync(Managed(db, me, id), seenVersion, c =>
        {
            var (detail, message) = act(c);
            db.Audit.Add(new AuditEntry(me.UserName, action, LearningTexts.OfCourse(c.Title, detail), clock.UtcNow()));
            return message;
        }, ct);
        return result.Status == StepStatus.NotFound ? await NotManagedAsync(db, me, id, ct) : result;
    }

    /// <summary>A course the account does not author: forbidden when it sees it (a district and the city's course), not found otherwise.</summary>
    public static async Task<StepResult> NotManagedAsync(TrainingDbContext db, CurrentUser me, int id, CancellationToken ct) =>
        await db.Courses.InScope(me, db.Persons).AnyAsync(c => c.Id == id, ct) ? StepResult.Forbidden() : StepResult.NotFound();

    /// <summary><see cref="NotManagedAsync"/> as a page answers it.</summary>
    public static async Task<IActionResult> RefuseAsync(this PageModel page, TrainingDbContext db, CurrentUser me, int id, CancellationToken ct) =>
        (await NotManagedAsync(db, me, id, ct)).Status == StepStatus.Forbidden ? page.Forbid() : page.NotFound();
}
