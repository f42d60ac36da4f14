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

/// <summary>
/// 修改培训班: only the unit that runs the class (or one above it). The form posts the version it
/// showed, so a change made meanwhile (another edit, an enrolment) is not overwritten: 409.
/// </summary>
[Authorize(Policy = ClassesPermissions.Manage)]
public sealed class EditModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{

    [BindProperty] public ClassForm Input { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }

    public int Id { get; private set; }
    public string ClassName { get; private set; } = "";
    public string OwnerName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var c = await db.TrainingClasses.AsNoTracking().ManagedBy(me).Include(x => x.Owner).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return NotFound();
        Show(c);
        Input = ClassForm.From(c);
        Version = c.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var terms = Input.Read(ModelState);
        if (terms is null) return await ShowAsync(id, ct) ? this.Unprocessable() : NotFound();
        var record = db.TrainingClasses.ManagedBy(me).Include(x => x.Owner)
            .Include(x => x.Participants).ThenInclude(p => p.Person)
            .Include(x => x.Sessions)
            .AsSplitQuery()
            .Where(x => x.Id == id);
        var result = await db.RunAsync(record, Version, c =>
        {
            var before = ClassForm.Describe(c);
            c.Change(terms.Name, terms.StartOn, terms.EndOn, terms.Capacity, terms.SexOnly, terms.Audience,
                terms.CompletionPercent, terms.Description);
            db.Audit.Add(new AuditEntry(me.UserName, ClassesTexts.ChangedAudit, ClassesTexts.Changed(before, ClassForm.Describe(c)), clock.UtcNow()));
            return ClassesTexts.Saved(c.Name);
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Classes/Details", new { id }), () => ShowAsync(id, ct));
    }

    private async Task<bool> ShowAsync(int id, CancellationToken ct)
    {
        var c = await db.TrainingClasses.AsNoTracking().ManagedBy(me).Include(x => x.Owner).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return false;
        Show(c);
        return true;
    }

    private void Show(TrainingClass c)
    {
        Id = c.Id;
        ClassName = c.Name;
        OwnerName = c.Owner.Name;
    }
}
