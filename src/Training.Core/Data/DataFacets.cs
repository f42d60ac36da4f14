using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Training.Core.Domain;

namespace Training.Core.Data;

/// <summary>
/// Narrower subjects raised besides a kind's own stamp (<see cref="DataStamps"/>) when a save touches what they are
/// about, for figures that depend on that part only. The learning figures count an application only once it is
/// 已录取 (a cohort's assignment gives its course to the admitted) and a reserve candidate only in the pool; following
/// every save of the kind, they were counted again on each applicant's submit and each recommendation (a third of the
/// server's time in the mixed load benchmark). Conservative: a record that is or was admitted (or beyond: 毕业, 退学, what a
/// school's register lists), or in the pool, raises its facet whatever else changed. An assignment's counts follow course credits, not every 学时 entry (attendance).
/// </summary>
public static class DataFacets
{
    /// <summary>An application that is or was 已录取, 已毕业 or 已退学 (<see cref="EnrollmentStateNames.ReachedAdmission"/>) or has or had
    /// an admission date (what the statistics count as admitted by a day).</summary>
    public const string AdmittedEnrollment = nameof(Enrollment) + ":Admitted";
    public const string PooledReserve = nameof(ReserveCandidate) + ":Pool";
    /// <summary>A 学时 entry for an online course: whether a person completed an assigned course (a class's attendance credits are not).</summary>
    public const string CourseCredit = nameof(StudyLedgerEntry) + ":OnlineCourse";

    /// <summary>The facet a changed entry raises, if any (read before the save: a deleted row still holds its values).</summary>
    public static string? Of(EntityEntry e) => e.Entity switch
    {
        Enrollment => IsOrWas(e, nameof(Enrollment.State), v => v is EnrollmentState s && s.ReachedAdmission())
                      || IsOrWas(e, nameof(Enrollment.AdmittedOn), v => v is not null) ? AdmittedEnrollment : null,
        ReserveCandidate => IsOrWas(e, nameof(ReserveCandidate.InPoolOn), v => v is not null) ? PooledReserve : null,
        StudyLedgerEntry => IsOrWas(e, nameof(StudyLedgerEntry.Source), v => v is StudySource.OnlineCourse) ? CourseCredit : null,
        _ => null,
    };

    /// <summary>Every facet of a kind: what a writer that does not look at each row (the bulk writer) raises with it.</summary>
    public static IEnumerable<string> OfKind(Type type)
    {
        if (type == typeof(Enrollment)) yield return AdmittedEnrollment;
        if (type == typeof(ReserveCandidate)) yield return PooledReserve;
        if (type == typeof(StudyLedgerEntry)) yield return CourseCredit;
    }

    private static bool IsOrWas(EntityEntry e, string property, Func<object?, bool> holds)
    {
        var p = e.Property(property);
        return (e.State != EntityState.Added && holds(p.OriginalValue)) || (e.State != EntityState.Deleted && holds(p.CurrentValue));
    }
}
