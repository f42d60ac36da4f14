using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.Classes;

/// <summary>
/// Attendance enters the 学时 ledger (LEARNING.md §5): a participant marked present is credited the
/// session's hours (全天 8, 半天 4) as 必修 for the class's audience, on the session's day; un-marking
/// adds the reversing entry (the original is never changed), dated like the original so the year's
/// sums move in the year the session was held.
/// </summary>
public static class AttendanceCredits
{
    public static async Task ApplyAsync(TrainingDbContext db, ClassSession session, IReadOnlyList<AttendanceChange> changes,
        string actor, DateTime now, CancellationToken ct)
    {
        if (changes.Count == 0) return;
        var personIds = changes.Select(c => c.Participant.PersonId).ToList();
        var standing = await StudyLedgerEntry.Standing(db.StudyLedger)
            .Where(e => e.Source == StudySource.Class && e.SourceId == session.Id && personIds.Contains(e.PersonId))
            .ToListAsync(ct);
        foreach (var change in changes)
        {
            var credited = standing.FirstOrDefault(e => e.PersonId == change.Participant.PersonId);
            if (change.Present && credited is null)
                db.StudyLedger.Add(StudyLedgerEntry.Credit(change.Participant.PersonId, session.On, session.Hours, required: true,
                    StudySource.Class, session.Id, actor, now));
            else if (!change.Present && credited is not null)
                db.StudyLedger.Add(StudyLedgerEntry.ReversalOf(credited, ClassesTexts.UnmarkedReason, alreadyReversed: false, credited.On, actor, now));
        }
    }
}
