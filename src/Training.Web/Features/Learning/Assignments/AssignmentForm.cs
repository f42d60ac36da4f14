using Microsoft.AspNetCore.Mvc.ModelBinding;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Learning.Assignments;

/// <summary>布置学习任务 as typed: text in, read here, each mistake beside its field in Chinese.</summary>
public sealed class AssignmentForm
{
    /// <summary>One or more courses: each becomes an assignment of its own, with the same target and dates.</summary>
    public List<int> CourseIds { get; set; } = [];
    public bool Required { get; set; } = true;
    public string? StartOn { get; set; }
    public string? DueOn { get; set; }
    public AssignmentTarget? Target { get; set; }
    public int? CohortId { get; set; }
    public int? ClassId { get; set; }
    public int? UnitId { get; set; }
    public AssignedCategory? Category { get; set; }

    public sealed record Terms(IReadOnlyList<int> CourseIds, bool Required, DateOnly StartOn, DateOnly DueOn, AssignmentTarget Target);

    public Terms? Read(ModelStateDictionary state)
    {
        var start = state.Date("Input.StartOn", StartOn, CommonTexts.StartOn);
        var due = state.Date("Input.DueOn", DueOn, LearningTexts.DueOn);
        if (CourseIds.Count == 0) state.AddModelError("Input.CourseIds", AssignmentTexts.ChooseCourse);
        if (Target is not { } target || !Enum.IsDefined(target)) { state.AddModelError("Input.Target", AssignmentTexts.ChooseTarget); target = default; }
        else if (target == AssignmentTarget.Cohort && CohortId is null) state.AddModelError("Input.CohortId", AssignmentTexts.ChooseCohort);
        else if (target == AssignmentTarget.Class && ClassId is null) state.AddModelError("Input.ClassId", AssignmentTexts.ChooseClass);
        else if (target is AssignmentTarget.ReservePool or AssignmentTarget.Category && UnitId is null) state.AddModelError("Input.UnitId", AssignmentTexts.ChooseUnit);
        if (target == AssignmentTarget.Category && (Category is not { } c || !Enum.IsDefined(c))) state.AddModelError("Input.Category", LearningTexts.ChoosePersonCategory);
        return state.IsValid ? new Terms(CourseIds.Distinct().ToList(), Required, start!.Value, due!.Value, target) : null;
    }
}
