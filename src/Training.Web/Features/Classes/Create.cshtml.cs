using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Workflow;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Classes;

/// <summary>新建培训班: the city or a district runs it, so the account's own unit is the owner.</summary>
[Authorize(Policy = ClassesPermissions.Manage)]
public sealed class CreateModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public ClassForm Input { get; set; } = new();

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
        TrainingClass? created = null;
        var result = await db.ActAsync(() =>
        {
            created = TrainingClass.Create(owner, terms.Name, terms.StartOn, terms.EndOn, terms.Capacity, terms.SexOnly,
                terms.Audience, terms.CompletionPercent, terms.Description, me.Actor, clock.UtcNow());
            db.TrainingClasses.Add(created);
            db.Audit.Add(new AuditEntry(me.UserName, ClassesTexts.CreatedAudit, ClassesTexts.OfClass(owner.Name, ClassForm.Describe(created)), clock.UtcNow()));
            return ClassesTexts.Created(created.Name);
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Classes/Details", new { id = created!.Id }), () => Task.CompletedTask);
    }
}
