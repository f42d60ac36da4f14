using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning.Assignments;

/// <summary>
/// 布置学习任务: the city or a district gives published courses (its own or ones from above; each an assignment) to a target
/// of its scope — a cohort's students, a class's participants, the reserve pool of a unit, or a
/// category of people in a unit and below — as 必修 or 选修, from a start date to a deadline.
/// </summary>
[Authorize(Policy = LearningPermissions.Author)]
public sealed class CreateModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    [BindProperty] public AssignmentForm Input { get; set; } = new();

    public sealed record Choice(int Id, string Name);

    public IReadOnlyList<Choice> Courses { get; private set; } = [];
    public IReadOnlyList<Choice> Cohorts { get; private set; } = [];
    public IReadOnlyList<Choice> Classes { get; private set; } = [];
    public IReadOnlyList<Choice> Units { get; private set; } = [];

    public async Task OnGetAsync(int? courseId, CancellationToken ct)
    {
        var today = clock.Today();
        Input = new AssignmentForm
        {
            CourseIds = courseId is { } id ? [id] : [], StartOn = FormInput.DateText(today), DueOn = FormInput.DateText(new DateOnly(today.Year, 12, 31)),
            Target = AssignmentTarget.Category, Category = AssignedCategory.TwoCommitteeCadre, UnitId = me.OrgUnitId,
        };
        await ChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var terms = Input.Read(ModelState);
        if (terms is null)
        {
            await ChoicesAsync(ct);
            return this.Unprocessable();
        }
        var owner = await db.OrgUnits.InScope(me).SingleOrDefaultAsync(u => u.Id == me.OrgUnitId, ct);
        var courses = await db.Courses.InScope(me, db.Persons).Where(c => terms.CourseIds.Contains(c.Id)).ToListAsync(ct);
        if (owner is null) return Forbid();
        if (courses.Count != terms.CourseIds.Count) return NotFound();
        var now = clock.UtcNow();
        var result = await db.ActAsync(async () =>
        {
            var target = "";
            foreach (var course in courses) target = await AssignAsync(owner, course, terms, now, ct);
            return AssignmentTexts.Created(courses.Select(c => c.Title).ToList(), target);
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Learning/Assignments/Index"), () => ChoicesAsync(ct));
    }

    /// <summary>One course's assignment with its audit entry; what it targets, in words.</summary>
    private async Task<string> AssignAsync(OrgUnit owner, Course course, AssignmentForm.Terms terms, DateTime now, CancellationToken ct)
    {
        var a = terms.Target switch
        {
            AssignmentTarget.Cohort => Assignment.ToCohort(owner, course, terms.Required, terms.StartOn, terms.DueOn,
                await db.Cohorts.SingleOrDefaultAsync(c => c.Id == Input.CohortId, ct) ?? throw new DomainException(AssignmentTexts.ChooseCohort, nameof(Assignment.CohortId)), me.Actor, now),
            AssignmentTarget.Class => Assignment.ToClass(owner, course, terms.Required, terms.StartOn, terms.DueOn,
                await db.TrainingClasses.InScope(me).Include(c => c.Owner).SingleOrDefaultAsync(c => c.Id == Input.ClassId, ct) ?? throw new DomainException(AssignmentTexts.ChooseClass, nameof(Assignment.ClassId)), me.Actor, now),
            AssignmentTarget.ReservePool => Assignment.ToPool(owner, course, terms.Required, terms.StartOn, terms.DueOn, await UnitAsync(ct), me.Actor, now),
            _ => Assignment.ToCategory(owner, course, terms.Required, terms.StartOn, terms.DueOn, await UnitAsync(ct), Input.Category!.Value, me.Actor, now),
        };
        db.Assignments.Add(a);
        var target = await DescribeAsync(a, ct);
        db.Audit.Add(new AuditEntry(me.UserName, AssignmentTexts.CreatedAudit,
            LearningTexts.OfCourse(course.Title, AssignmentTexts.AuditDetail(target, a.Required, a.StartOn, a.DueOn)), now));
        return target;
    }

    private async Task<OrgUnit> UnitAsync(CancellationToken ct) =>
        await db.OrgUnits.InScope(me).SingleOrDefaultAsync(u => u.Id == Input.UnitId, ct)
        ?? throw new DomainException(AssignmentTexts.ChooseUnit, nameof(Assignment.UnitId));

    private async Task<string> DescribeAsync(Assignment a, CancellationToken ct) =>
        AssignmentTexts.Describe(a.Target, a.Unit?.Name, a.Category,
            a.CohortId is { } cohort ? await db.Cohorts.Where(c => c.Id == cohort).Select(c => c.Name).SingleAsync(ct) : null,
            a.ClassId is { } cls ? await db.TrainingClasses.Where(c => c.Id == cls).Select(c => c.Name).SingleAsync(ct) : null);

    private sealed record FormChoices(List<Choice> Courses, List<Choice> Cohorts, List<Choice> Classes, List<Choice> Units);

    // The form's four lists are kept per day until a course, cohort, class or unit is saved: four queries a view
    // were most of the page's 2.3 ms of server CPU at 100 connections.
    private static readonly Type[] ChoicesFollow = [typeof(Course), typeof(Cohort), typeof(TrainingClass), typeof(OrgUnit)];

    private async Task ChoicesAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var choices = await memo.GetAsync($"AssignmentChoices|{today:yyyyMMdd}", ChoicesFollow, c => ReadChoicesAsync(today, c), ct);
        (Courses, Cohorts, Classes, Units) = (choices.Courses, choices.Cohorts, choices.Classes, choices.Units);
    }

    private async Task<FormChoices> ReadChoicesAsync(DateOnly today, CancellationToken ct) => new(
        await db.Courses.AsNoTracking().InScope(me, db.Persons).Where(c => c.State == CourseState.Published)
            .OrderBy(c => c.Title).Select(c => new Choice(c.Id, c.Title)).ToListAsync(ct),
        await db.Cohorts.AsNoTracking().OrderByDescending(c => c.Year).Select(c => new Choice(c.Id, c.Name)).ToListAsync(ct),
        await db.TrainingClasses.AsNoTracking().InScope(me).Where(c => c.EndOn >= today)
            .OrderByDescending(c => c.StartOn).Select(c => new Choice(c.Id, c.Name)).ToListAsync(ct),
        // The account's own unit and the units right below it: a district reaches a township's people this way.
        await db.OrgUnits.AsNoTracking().Where(u => u.Id == me.OrgUnitId || u.ParentId == me.OrgUnitId)
            .OrderBy(u => u.Level).ThenBy(u => u.Code).Select(u => new Choice(u.Id, u.Name)).ToListAsync(ct));
}
