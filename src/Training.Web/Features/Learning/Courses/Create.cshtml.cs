using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning.Courses;

/// <summary>新建课程: a draft of the account's own unit (the city or a district).</summary>
[Authorize(Policy = LearningPermissions.Author)]
public sealed class CreateModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public CourseForm Input { get; set; } = new();

    public string OwnerName => me.OrgName;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var owner = await db.OrgUnits.InScope(me).SingleOrDefaultAsync(u => u.Id == me.OrgUnitId, ct);
        if (owner is null) return Forbid();
        var terms = Input.Read(ModelState);
        if (terms is null) return this.Unprocessable();
        Course? created = null;
        var result = await db.ActAsync(() =>
        {
            created = Course.Create(owner, terms.Title, terms.Category, terms.Description, terms.QuizEarnsHours);
            db.Courses.Add(created);
            db.Audit.Add(new AuditEntry(me.UserName, LearningTexts.CourseCreatedAudit, CourseForm.Describe(created), clock.UtcNow()));
            return LearningTexts.CourseCreated(created.Title);
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Learning/Courses/Details", new { id = created!.Id }), () => Task.CompletedTask);
    }
}
