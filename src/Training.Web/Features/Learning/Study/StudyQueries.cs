using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Learning.Study;

/// <summary>The courses a learner's pages may show: those in the account's scope, and the author's own drafts for a preview.</summary>
public static class StudyQueries
{
    public static IQueryable<Course> Openable(TrainingDbContext db, CurrentUser me) =>
        db.Courses.Where(c => db.Courses.InScope(me, db.Persons).Any(x => x.Id == c.Id) || db.Courses.ManagedBy(me).Any(x => x.Id == c.Id));
}
