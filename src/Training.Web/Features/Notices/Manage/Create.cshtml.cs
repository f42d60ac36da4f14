using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Notices.Manage;

/// <summary>新建通知: a draft of the account's own unit (the city or a district); attachments and publishing come next, on its page.</summary>
[Authorize(Policy = NoticesPermissions.Publish)]
public sealed class CreateModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public NoticeForm Input { get; set; } = new();

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
        Notice? created = null;
        var result = await db.ActAsync(() =>
        {
            created = Notice.Create(owner, terms.Title, terms.Body, terms.Category, terms.Pinned, terms.ExpiresOn, clock.Today(), me.UserName, clock.UtcNow());
            db.Notices.Add(created);
            db.Audit.Add(new AuditEntry(me.UserName, NoticesTexts.CreatedAudit, NoticeForm.Describe(created), clock.UtcNow()));
            return NoticesTexts.Created(created.Title);
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Notices/Manage/Edit", new { id = created!.Id }), () => Task.CompletedTask);
    }
}
