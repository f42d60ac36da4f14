using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Classes.Participants;

/// <summary>
/// 报名: from the version the account saw; if someone else changed the class meanwhile (most
/// likely enrolled someone at the same time), tried once more on fresh data, so the last seat
/// goes to exactly one of two. Every enrolment moves the class's version.
/// </summary>
public static class Enrol
{
    public static async Task<StepResult> RunAsync(TrainingDbContext db, CurrentUser me, TimeProvider clock,
        int classId, int personId, Guid seenVersion, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var c = await db.TrainingClasses.InScope(me).Include(x => x.Owner).Include(x => x.Participants)
                .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == classId, ct);
            if (c is null) return StepResult.NotFound();
            if (!await ClassSteps.MayEnrolInAsync(db, me, c, ct)) return StepResult.Forbidden();
            var person = await db.Persons.InScope(me).Include(p => p.Village).Include(p => p.Posts)
                .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == personId, ct);
            if (person is null) return StepResult.NotFound(ClassesTexts.PersonNotFound);
            var reserves = await db.Reserves.Where(r => r.PersonId == person.Id).ToListAsync(ct);
            if (attempt == 1) db.ExpectVersion(c, seenVersion);
            var result = await ClassSteps.ActAsync(db, me, clock, classId, ClassesTexts.EnrolledAudit, () =>
            {
                c.Enroll(person, reserves, me.Actor, clock.Today(), clock.UtcNow());
                return (ClassesTexts.OfClass(c.Name, ClassesTexts.PersonDetail(person.Name, ResidentId.Mask(person.IdNumber))), ClassesTexts.Enrolled(person, c));
            }, ct);
            if (result.Status != StepStatus.Changed || attempt > 1) return result;
        }
    }
}
