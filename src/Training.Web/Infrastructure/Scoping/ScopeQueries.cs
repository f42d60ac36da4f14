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
        return path is null ? units.Where(_ => false) : units.Where(u => u.Path.StartsWith(path));
    }

    /// <summary>Staff see the persons of villages in their unit; a trainee sees only itself.</summary>
    public static IQueryable<Person> InScope(this IQueryable<Person> persons, CurrentUser user)
    {
        if (user.OrgPath is { } path) return persons.Where(p => p.Village.Path.StartsWith(path));
        if (user.PersonId is { } personId) return persons.Where(p => p.Id == personId);
        return persons.Where(_ => false);
    }

    public static IQueryable<Post> InScope(this IQueryable<Post> posts, CurrentUser user)
    {
        if (user.OrgPath is { } path) return posts.Where(p => p.Village.Path.StartsWith(path));
        if (user.PersonId is { } personId) return posts.Where(p => p.PersonId == personId);
        return posts.Where(_ => false);
    }

    /// <summary>Enrollments count under the village the person applied from; a registrar sees its school's.</summary>
    public static IQueryable<Enrollment> InScope(this IQueryable<Enrollment> enrollments, CurrentUser user)
    {
        if (user.OrgPath is { } path) return enrollments.Where(e => e.Village.Path.StartsWith(path));
        if (user.PersonId is { } personId) return enrollments.Where(e => e.PersonId == personId);
        if (user.SchoolId is { } schoolId) return enrollments.Where(e => e.Program.SchoolId == schoolId);
        return enrollments.Where(_ => false);
    }

    public static IQueryable<ReserveCandidate> InScope(this IQueryable<ReserveCandidate> reserves, CurrentUser user)
    {
        if (user.OrgPath is { } path) return reserves.Where(r => r.Village.Path.StartsWith(path));
        if (user.PersonId is { } personId) return reserves.Where(r => r.PersonId == personId);
        return reserves.Where(_ => false);
    }
}
