using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.Learning.Assignments;

/// <summary>An assignment as lists show it: its course, whom it targets (in words), 必修 or 选修 and its dates.</summary>
public sealed record AssignmentRow(int Id, int CourseId, string Course, string OwnerName, int OwnerId, bool Required, DateOnly StartOn, DateOnly DueOn,
    bool Cancelled, AssignmentTarget Target, AssignedCategory? Category, string? Unit, string? Cohort, string? ClassName)
{
    public string TargetText => AssignmentTexts.Describe(Target, Unit, Category, Cohort, ClassName);

    /// <summary>What a row reads: for a kept list or head (<c>FiguresMemo</c>) to follow.</summary>
    public static readonly string[] Follows = DataStamps.SubjectsOf(
        typeof(Assignment), typeof(OrgUnit), typeof(Course), typeof(Cohort), typeof(TrainingClass));

    public static IQueryable<AssignmentRow> Select(TrainingDbContext db, IQueryable<Assignment> assignments) =>
        assignments.Select(a => new AssignmentRow(a.Id, a.CourseId, a.Course.Title, a.Owner.Name, a.OwnerId, a.Required, a.StartOn, a.DueOn, a.Cancelled,
            a.Target, a.Category, a.Unit != null ? a.Unit.Name : null,
            db.Cohorts.Where(c => c.Id == a.CohortId).Select(c => c.Name).FirstOrDefault(),
            db.TrainingClasses.Where(c => c.Id == a.ClassId).Select(c => c.Name).FirstOrDefault()));
}
