using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Assignments;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Learning.Study;

/// <summary>
/// The courses a learner's pages (and their files) may show: those in the account's scope, the
/// published courses assigned to the learner today (a district's course given to a city class reaches
/// participants from other districts), and the author's own drafts for a preview.
/// </summary>
public static class StudyQueries
{
    public static IQueryable<Course> Openable(TrainingDbContext db, CurrentUser me, DateOnly today)
    {
        var assigned = me.PersonId is { } personId
            ? AssignmentMembers.For(db, personId, today).Select(a => a.CourseId)
            : db.Assignments.Where(_ => false).Select(a => a.CourseId);
        return db.Courses.Where(c => db.Courses.InScope(me, db.Persons).Any(x => x.Id == c.Id)
            || (c.State == CourseState.Published && assigned.Contains(c.Id))
            || db.Courses.ManagedBy(me).Any(x => x.Id == c.Id));
    }
}
