using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning.Courses;

/// <summary>修改课程: title, category, description and whether the quiz earns 学时, at the version the author saw.</summary>
[Authorize(Policy = LearningPermissions.Author)]
public sealed class EditModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public CourseForm Input { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var c = await CourseSteps.Managed(db, me, id).AsNoTracking().SingleOrDefaultAsync(ct);
        if (c is null) return await this.RefuseAsync(db, me, id, ct);
        (Id, Input, Version) = (id, CourseForm.From(c), c.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Id = id;
        var terms = Input.Read(ModelState);
        if (terms is null) return this.Unprocessable();
        var result = await CourseSteps.RunAsync(db, me, clock, id, Version, LearningTexts.CourseChangedAudit, c =>
        {
            c.Change(terms.Title, terms.Category, terms.Description, terms.QuizEarnsHours);
            return (CourseForm.Describe(c), LearningTexts.CourseChanged(c.Title));
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Learning/Courses/Details", new { id }), () => Task.CompletedTask);
    }
}
