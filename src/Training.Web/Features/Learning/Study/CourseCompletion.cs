using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Assignments;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Learning.Study;

/// <summary>
/// A course completed enters the 学时 ledger once per person (LEARNING.md §5): when the last
/// required lesson completes (by heartbeats, 已学完 or a passed quiz), its 学时 are credited on that
/// Guangzhou day. Completion belongs to the person and the course, not to an assignment.
/// </summary>
public sealed class CourseCompletion(TrainingDbContext db, TimeProvider clock)
{
    /// <summary>Credits the course of <paramref name="lessonId"/> if <paramref name="personId"/> has now completed it; the entry, or null.</summary>
    public async Task<StudyLedgerEntry?> RecordIfCompletedAsync(int personId, int lessonId, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().Include(c => c.Lessons)
            .SingleOrDefaultAsync(c => c.Lessons.Any(l => l.Id == lessonId), ct);
        if (course is null) return null;
        var lessonIds = course.Lessons.Select(l => l.Id).ToList();
        var completed = (await db.LessonProgress.AsNoTracking()
            .Where(p => p.PersonId == personId && lessonIds.Contains(p.LessonId) && p.CompletedAt != null)
            .Select(p => p.LessonId).ToListAsync(ct)).ToHashSet();
        if (course.HoursEarned(completed) is not { } hours || hours <= 0) return null;
        if (await AlreadyCreditedAsync(personId, course.Id, ct)) return null;

        var today = clock.Today();
        var entry = StudyLedgerEntry.Credit(personId, today, hours, await RequiredOnAsync(personId, course.Id, today, ct),
            StudySource.OnlineCourse, course.Id, StudyTexts.RecordedByCourse, clock.UtcNow());
        db.StudyLedger.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
            return entry;
        }
        catch (DbUpdateException)
        {
            // The same completion arrived twice at once: the database keeps one entry (IX_StudyLedger_OneCreditPerCourse).
            db.Entry(entry).State = EntityState.Detached;
            if (await AlreadyCreditedAsync(personId, course.Id, ct)) return null;
            throw;
        }
    }

    private Task<bool> AlreadyCreditedAsync(int personId, int courseId, CancellationToken ct) =>
        StudyLedgerEntry.Standing(db.StudyLedger).AnyAsync(e => e.PersonId == personId && e.Source == StudySource.OnlineCourse && e.SourceId == courseId, ct);

    /// <summary>必修 when a 必修 assignment of the course is in force for the person that day (started, deadline not passed); 选修 otherwise.</summary>
    private Task<bool> RequiredOnAsync(int personId, int courseId, DateOnly on, CancellationToken ct) =>
        AssignmentMembers.For(db, personId, on).AnyAsync(a => a.CourseId == courseId && a.Required && a.DueOn >= on, ct);
}
