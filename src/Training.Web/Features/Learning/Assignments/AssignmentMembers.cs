using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.Learning.Assignments;

/// <summary>
/// Who an assignment gives its course to, evaluated on the day asked (LEARNING.md §2): never stored,
/// so a person who joins the target later is assigned without anyone acting. The two questions are
/// asked in one query each: the members of one assignment, and the assignments of one person.
/// </summary>
public static class AssignmentMembers
{
    /// <summary>The persons <paramref name="a"/> assigns on <paramref name="day"/>.</summary>
    public static IQueryable<Person> Of(TrainingDbContext db, Assignment a, DateOnly day)
    {
        var unitPath = a.Unit?.Path ?? "";
        var pool = db.Reserves.Where(ReserveCandidate.InPoolOnDate(day));
        var posts = db.Posts.Where(Post.HeldOn(day));
        return a.Target switch
        {
            AssignmentTarget.Cohort => db.Persons.Where(p => db.Enrollments.Any(e => e.PersonId == p.Id && e.CohortId == a.CohortId && e.State == EnrollmentState.Admitted)),
            AssignmentTarget.Class => db.Persons.Where(p => db.ClassParticipants.Any(x => x.PersonId == p.Id && x.ClassId == a.ClassId)),
            AssignmentTarget.ReservePool => db.Persons.Where(p => pool.Any(r => r.PersonId == p.Id && OrgPaths.IsUnder(r.Village.Path, unitPath))),
            _ => a.Category switch
            {
                AssignedCategory.Reserve => db.Persons.Where(p => pool.Any(r => r.PersonId == p.Id && OrgPaths.IsUnder(r.Village.Path, unitPath))),
                AssignedCategory.PartySecretary => db.Persons.Where(p => posts.Any(x => x.PersonId == p.Id && x.Type == PostType.PartySecretary && OrgPaths.IsUnder(x.Village.Path, unitPath))),
                AssignedCategory.PartyMember => db.Persons.Where(Person.IsPartyMember).Where(p => OrgPaths.IsUnder(p.Village.Path, unitPath)),
                _ => db.Persons.Where(p => posts.Any(x => x.PersonId == p.Id && OrgPaths.IsUnder(x.Village.Path, unitPath))),
            },
        };
    }

    /// <summary>The assignments (not cancelled, started by <paramref name="day"/>) that give <paramref name="personId"/> their course.</summary>
    public static IQueryable<Assignment> For(TrainingDbContext db, int personId, DateOnly day)
    {
        var pool = db.Reserves.Where(ReserveCandidate.InPoolOnDate(day)).Where(r => r.PersonId == personId);
        var posts = db.Posts.Where(Post.HeldOn(day)).Where(x => x.PersonId == personId);
        var member = db.Persons.Where(Person.IsPartyMember).Where(p => p.Id == personId);
        return db.Assignments.Where(a => !a.Cancelled && a.StartOn <= day && (
            (a.Target == AssignmentTarget.Cohort && db.Enrollments.Any(e => e.PersonId == personId && e.CohortId == a.CohortId && e.State == EnrollmentState.Admitted))
            || (a.Target == AssignmentTarget.Class && db.ClassParticipants.Any(x => x.PersonId == personId && x.ClassId == a.ClassId))
            || ((a.Target == AssignmentTarget.ReservePool || a.Category == AssignedCategory.Reserve) && pool.Any(r => OrgPaths.IsUnder(r.Village.Path, a.Unit!.Path)))
            || (a.Target == AssignmentTarget.Category && a.Category == AssignedCategory.TwoCommitteeCadre && posts.Any(x => OrgPaths.IsUnder(x.Village.Path, a.Unit!.Path)))
            || (a.Target == AssignmentTarget.Category && a.Category == AssignedCategory.PartySecretary && posts.Any(x => x.Type == PostType.PartySecretary && OrgPaths.IsUnder(x.Village.Path, a.Unit!.Path)))
            || (a.Target == AssignmentTarget.Category && a.Category == AssignedCategory.PartyMember && member.Any(p => OrgPaths.IsUnder(p.Village.Path, a.Unit!.Path)))));
    }
}
