using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.Degree;

/// <summary>Tells a trainee that their application moved. In-app today; an SMS sender can implement this too.</summary>
public interface INotificationSender
{
    /// <summary>Adds the message to the unit of work; the caller's SaveChanges stores it with the change it reports.</summary>
    void Notify(int personId, int? enrollmentId, string text, DateTime now);
}

public sealed class InAppNotifications(TrainingDbContext db) : INotificationSender
{
    public void Notify(int personId, int? enrollmentId, string text, DateTime now) =>
        db.Notifications.Add(new Notification(personId, enrollmentId, text, now));
}

public static class EnrollmentMessages
{
    /// <summary>The trainee's message for a step, e.g. "您的2026年报名（行政管理）：区审核通过。意见：……"</summary>
    public static string For(Enrollment e, EnrollmentTransition t) => DegreeTexts.Notification(e.Year, e.Program?.Name, t);
}
