using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Classes.Sessions;

/// <summary>添加课次: the unit running the class adds a day (within the class's dates, not twice).</summary>
public static class AddSession
{
    public static async Task<StepResult> RunAsync(TrainingDbContext db, CurrentUser me, TimeProvider clock,
        int classId, DateOnly on, string? title, SessionLength length, CancellationToken ct)
    {
        var c = await db.TrainingClasses.ManagedBy(me).Include(x => x.Sessions).SingleOrDefaultAsync(x => x.Id == classId, ct);
        if (c is null) return await ClassSteps.NotManagedAsync(db, me, classId, ct);
        return await ClassSteps.ActAsync(db, me, clock, classId, ClassesTexts.SessionAddedAudit, () =>
        {
            var session = c.AddSession(on, title, length);
            return (ClassesTexts.OfClass(c.Name, ClassesTexts.SessionDetail(session.On, session.Title)), ClassesTexts.SessionAdded(session));
        }, ct);
    }
}
