using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Classes.Participants;

/// <summary>取消报名: a participant the account sees, taken off by those who may enrol, while no attendance binds them.</summary>
public static class RemoveParticipant
{
    public static async Task<StepResult> RunAsync(TrainingDbContext db, CurrentUser me, TimeProvider clock,
        int classId, int participantId, CancellationToken ct)
    {
        var c = await db.TrainingClasses.InScope(me).Include(x => x.Owner)
            .Include(x => x.Participants).ThenInclude(p => p.Person)
            .Include(x => x.Sessions).ThenInclude(s => s.Attendance)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == classId, ct);
        if (c is null) return StepResult.NotFound();
        if (!await ClassSteps.MayEnrolInAsync(db, me, c, ct)) return StepResult.Forbidden();
        var seen = await db.ClassParticipants.InScope(me).AnyAsync(p => p.Id == participantId && p.ClassId == classId, ct);
        var participant = c.Participants.SingleOrDefault(p => p.Id == participantId);
        if (!seen || participant is null) return StepResult.NotFound();
        var person = participant.Person;
        return await ClassSteps.ActAsync(db, me, clock, classId, ClassesTexts.UnenrolledAudit, () =>
        {
            c.Remove(participant);
            return (ClassesTexts.OfClass(c.Name, ClassesTexts.PersonDetail(person.Name, ResidentId.Mask(person.IdNumber))), ClassesTexts.Unenrolled(person));
        }, ct);
    }
}
