using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Home;

/// <summary>
/// The trainee's home card: unread notifications (its applications moved; learning reminders, with their
/// course), newest first, each with 知道了 and all with 全部标为已读, and its applications. The form posts to the home page (<c>/?handler=Read</c>),
/// which calls <see cref="MarkReadAsync"/>.
/// </summary>
public sealed class TraineeStudyCard(TrainingDbContext db, CurrentUser me, FiguresMemo memo) : ViewComponent
{
    /// <summary>At most this many unread notifications on the card.</summary>
    public const int NotificationsShown = 20;

    public sealed record Study(IReadOnlyList<NotificationLine> Notifications, IReadOnlyList<EnrollmentLine> Enrollments);
    public sealed record NotificationLine(long Id, string Text, DateTime CreatedAt, int? CourseId);
    public sealed record EnrollmentLine(int Year, string Program, string State);

    // The trainee's applications and unread notifications, kept until an application, a programme or a notification
    // is saved (marking one read included): two of the queries of the home the most people open.
    private static readonly Type[] Follows = [typeof(Enrollment), typeof(StudyProgram), typeof(Notification)];

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (me.PersonId is not { } personId) return Content("");
        var study = await memo.GetAsync("TraineeStudy", Follows, ct => ReadAsync(personId, ct), HttpContext.RequestAborted);
        return View("~/Features/Degree/Home/TraineeStudyCard.cshtml", study);
    }

    private async Task<Study> ReadAsync(int personId, CancellationToken ct)
    {
        var enrollments = await db.Enrollments.AsNoTracking().InScope(me)
            .OrderByDescending(e => e.Year)
            .Select(e => new { e.Year, Program = e.Program.Name, e.Level, e.State })
            .ToListAsync(ct);
        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => n.PersonId == personId && n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(NotificationsShown)
            .Select(n => new NotificationLine(n.Id, n.Text, n.CreatedAt, n.CourseId))
            .ToListAsync(ct);
        return new Study(notifications,
            enrollments.Select(e => new EnrollmentLine(e.Year, DegreeTexts.ProgramWithLevel(e.Program, e.Level), e.State.Name())).ToList());
    }

    /// <summary>Marks the trainee's own notifications read: one (<paramref name="id"/>) or all unread.</summary>
    public static async Task MarkReadAsync(TrainingDbContext db, CurrentUser me, DateTime now, long? id, CancellationToken ct)
    {
        var unread = await db.Notifications
            .Where(n => n.PersonId == me.PersonId && n.ReadAt == null && (id == null || n.Id == id))
            .ToListAsync(ct);
        foreach (var n in unread) n.MarkRead(now);
        await db.SaveChangesAsync(ct);
    }
}
