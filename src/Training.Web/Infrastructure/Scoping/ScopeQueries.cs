using Training.Core.Domain;

namespace Training.Web.Infrastructure.Scoping;

/// <summary>
/// The one place that restricts a query to what the signed-in user may see. Every handler
/// starts its query from one of these; a record outside the scope is simply not found (404).
/// An account without a matching binding sees nothing, never everything.
/// </summary>
public static class ScopeQueries
{
    public static IQueryable<OrgUnit> InScope(this IQueryable<OrgUnit> units, CurrentUser user)
    {
        var path = user.OrgPath;
        return path is null ? units.Where(_ => false) : units.Where(u => OrgPaths.IsUnder(u.Path, path));
    }

    /// <summary>Staff see the persons of villages in their unit; a trainee sees only itself.</summary>
    public static IQueryable<Person> InScope(this IQueryable<Person> persons, CurrentUser user)
    {
        if (user.OrgPath is { } path) return persons.Where(p => OrgPaths.IsUnder(p.Village.Path, path));
        if (user.PersonId is { } personId) return persons.Where(p => p.Id == personId);
        return persons.Where(_ => false);
    }

    /// <summary>A trainee's own 更正申请; staff those of the persons of villages in their unit.</summary>
    public static IQueryable<CorrectionRequest> InScope(this IQueryable<CorrectionRequest> requests, CurrentUser user)
    {
        // The village's path as an expression (+ ""), as for classes: requests are few (a trainee asks now and then, and an
        // answered one stays closed), while with the path indexable SQLite walked every person under the account's unit to
        // find them (0.2 ms for a township, 11 ms for the city's 56,000 persons, on every visit of /Corrections).
        if (user.OrgPath is { } path) return requests.Where(r => OrgPaths.IsUnder(r.Person.Village.Path + "", path));
        if (user.PersonId is { } personId) return requests.Where(r => r.PersonId == personId);
        return requests.Where(_ => false);
    }

    public static IQueryable<Post> InScope(this IQueryable<Post> posts, CurrentUser user)
    {
        if (user.OrgPath is { } path) return posts.Where(p => OrgPaths.IsUnder(p.Village.Path, path));
        if (user.PersonId is { } personId) return posts.Where(p => p.PersonId == personId);
        return posts.Where(_ => false);
    }

    /// <summary>Enrollments count under the village the person applied from; a registrar sees its school's.</summary>
    public static IQueryable<Enrollment> InScope(this IQueryable<Enrollment> enrollments, CurrentUser user)
    {
        if (user.OrgPath is { } path) return enrollments.Where(e => OrgPaths.IsUnder(e.Village.Path, path));
        if (user.PersonId is { } personId) return enrollments.Where(e => e.PersonId == personId);
        if (user.SchoolId is { } schoolId) return enrollments.Where(e => e.Program.SchoolId == schoolId);
        return enrollments.Where(_ => false);
    }

    public static IQueryable<ReserveCandidate> InScope(this IQueryable<ReserveCandidate> reserves, CurrentUser user)
    {
        if (user.OrgPath is { } path) return reserves.Where(r => OrgPaths.IsUnder(r.Village.Path, path));
        if (user.PersonId is { } personId) return reserves.Where(r => r.PersonId == personId);
        return reserves.Where(_ => false);
    }

    /// <summary>Mentoring pairs count under the reserve's village; a trainee sees the pairs it is the reserve or the mentor of.</summary>
    public static IQueryable<MentorPair> InScope(this IQueryable<MentorPair> pairs, CurrentUser user)
    {
        if (user.OrgPath is { } path) return pairs.Where(p => OrgPaths.IsUnder(p.Reserve.Village.Path, path));
        if (user.PersonId is { } personId) return pairs.Where(p => p.Reserve.PersonId == personId || p.MentorId == personId);
        return pairs.Where(_ => false);
    }

    public static IQueryable<Shadowing> InScope(this IQueryable<Shadowing> shadowings, CurrentUser user)
    {
        if (user.OrgPath is { } path) return shadowings.Where(s => OrgPaths.IsUnder(s.Reserve.Village.Path, path));
        if (user.PersonId is { } personId) return shadowings.Where(s => s.Reserve.PersonId == personId);
        return shadowings.Where(_ => false);
    }

    /// <summary>
    /// Staff see the classes run by their unit or below it, and those run above them (a city
    /// class is open to every district); a trainee sees the classes it takes part in. Who is
    /// listed in a class is scoped separately (<see cref="InScope(IQueryable{ClassParticipant}, CurrentUser)"/>).
    /// </summary>
    public static IQueryable<TrainingClass> InScope(this IQueryable<TrainingClass> classes, CurrentUser user)
    {
        if (user.OrgPath is { } path)
        {
            var above = AncestorPaths(path);
            // The owner's path as an expression (+ ""), as for assignments: classes are few per unit, and with the path
            // indexable SQLite walked every unit below the account's path to find the owners (4,281 for a district at province scale).
            return classes.Where(c => OrgPaths.IsUnder(c.Owner.Path + "", path) || above.Contains(c.Owner.Path + ""));
        }
        if (user.PersonId is { } personId) return classes.Where(c => c.Participants.Any(p => p.PersonId == personId));
        return classes.Where(_ => false);
    }

    /// <summary>Classes this account runs: CityAdmin and DistrictStaff for classes owned by their unit or below it.</summary>
    public static IQueryable<TrainingClass> ManagedBy(this IQueryable<TrainingClass> classes, CurrentUser user)
    {
        if (user.OrgPath is not { } path || !(user.IsIn(Training.Core.Identity.Roles.CityAdmin) || user.IsIn(Training.Core.Identity.Roles.DistrictStaff)))
            return classes.Where(_ => false);
        return classes.Where(c => OrgPaths.IsUnder(c.Owner.Path + "", path)); // (+ "": as in InScope)
    }

    public static IQueryable<ClassParticipant> InScope(this IQueryable<ClassParticipant> participants, CurrentUser user)
    {
        if (user.OrgPath is { } path) return participants.Where(p => OrgPaths.IsUnder(p.Person.Village.Path, path));
        if (user.PersonId is { } personId) return participants.Where(p => p.PersonId == personId);
        return participants.Where(_ => false);
    }

    /// <summary>
    /// Courses an account may open: staff those of their unit, below it and above it (a township follows
    /// the city's and its district's); a trainee the published courses of its city and district (the
    /// units above its village); drafts only to their authors (<see cref="ManagedBy(IQueryable{Course}, CurrentUser)"/>).
    /// </summary>
    /// <param name="persons">The persons table, where a trainee's village is looked up in the same query.</param>
    public static IQueryable<Course> InScope(this IQueryable<Course> courses, CurrentUser user, IQueryable<Person> persons)
    {
        if (user.OrgPath is { } path)
        {
            var above = AncestorPaths(path);
            // (+ "": courses are few per unit, as classes are)
            return courses.Where(c => OrgPaths.IsUnder(c.Owner.Path + "", path) || above.Contains(c.Owner.Path + ""));
        }
        if (user.PersonId is { } personId)
            return courses.Where(c => c.State == CourseState.Published
                && persons.Any(p => p.Id == personId && OrgPaths.IsUnder(p.Village.Path, c.Owner.Path)));
        return courses.Where(_ => false);
    }

    /// <summary>Courses this account authors: CityAdmin and DistrictStaff, for their own unit's courses only.</summary>
    public static IQueryable<Course> ManagedBy(this IQueryable<Course> courses, CurrentUser user)
    {
        if (user.OrgUnitId is not { } unitId || !(user.IsIn(Training.Core.Identity.Roles.CityAdmin) || user.IsIn(Training.Core.Identity.Roles.DistrictStaff)))
            return courses.Where(_ => false);
        return courses.Where(c => c.OwnerId == unitId);
    }

    /// <summary>Assignments made by the account's unit, below it or above it (a township follows what the city and its district assign); none for others.</summary>
    public static IQueryable<Assignment> InScope(this IQueryable<Assignment> assignments, CurrentUser user)
    {
        if (user.OrgPath is not { } path) return assignments.Where(_ => false);
        var above = AncestorPaths(path);
        // The owner's path as an expression (+ ""), which no index serves: assignments are a few per unit, and with the
        // path indexable SQLite walked every unit below a city's path (3,041) to find the owners of its 7 assignments.
        return assignments.Where(a => OrgPaths.IsUnder(a.Owner.Path + "", path) || above.Contains(a.Owner.Path + ""));
    }

    /// <summary>
    /// Notices an account reads (LEARNING.md §8): those of its own unit and the units above it for staff
    /// (a township reads its district's and the city's), those of the units above its village for a
    /// trainee; published and not past their expiry date. Drafts and withdrawn notices only to their
    /// authors (<see cref="ManagedBy(IQueryable{Notice}, CurrentUser)"/>).
    /// </summary>
    public static IQueryable<Notice> InScope(this IQueryable<Notice> notices, CurrentUser user, IQueryable<Person> persons, DateOnly today)
    {
        var showing = notices.Where(n => n.State == NoticeState.Published && (n.ExpiresOn == null || n.ExpiresOn >= today));
        if (user.OrgPath is { } path)
        {
            var units = AncestorPaths(path);
            units.Add(path);
            return showing.Where(n => units.Contains(n.Owner.Path));
        }
        if (user.PersonId is { } personId)
            return showing.Where(n => persons.Any(p => p.Id == personId && OrgPaths.IsUnder(p.Village.Path, n.Owner.Path)));
        return notices.Where(_ => false);
    }

    /// <summary>Notices this account publishes: CityAdmin and DistrictStaff, their own unit's only, in every state.</summary>
    public static IQueryable<Notice> ManagedBy(this IQueryable<Notice> notices, CurrentUser user)
    {
        if (user.OrgUnitId is not { } unitId || !(user.IsIn(Training.Core.Identity.Roles.CityAdmin) || user.IsIn(Training.Core.Identity.Roles.DistrictStaff)))
            return notices.Where(_ => false);
        return notices.Where(n => n.OwnerId == unitId);
    }

    /// <summary>"/440100/440111/440111103/" → "/440100/", "/440100/440111/" (the units above, not itself).</summary>
    public static List<string> AncestorPaths(string path)
    {
        var result = new List<string>();
        for (var i = path.IndexOf('/', 1); i > 0 && i < path.Length - 1; i = path.IndexOf('/', i + 1))
            result.Add(path[..(i + 1)]);
        return result;
    }
}
