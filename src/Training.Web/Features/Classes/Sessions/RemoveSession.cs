using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Classes.Sessions;

/// <summary>删除课次: the unit running the class removes a day on which no attendance was taken.</summary>
public static class RemoveSession
{
    public static async Task<StepResult> RunAsync(TrainingDbContext db, CurrentUser me, TimeProvider clock,
        int classId, int sessionId, CancellationToken ct)
    {
        var c = await db.TrainingClasses.ManagedBy(me).Include(x => x.Sessions).ThenInclude(s => s.Attendance)
            .SingleOrDefaultAsync(x => x.Id == classId, ct);
        if (c is null) return await ClassSteps.NotManagedAsync(db, me, classId, ct);
        var session = c.Sessions.SingleOrDefault(s => s.Id == sessionId);
        if (session is null) return StepResult.NotFound();
        return await ClassSteps.ActAsync(db, me, clock, classId, ClassesTexts.SessionRemovedAudit, () =>
        {
            c.RemoveSession(session);
            return (ClassesTexts.OfClass(c.Name, ClassesTexts.SessionDetail(session.On, session.Title)), ClassesTexts.SessionRemoved(session));
        }, ct);
    }
}
