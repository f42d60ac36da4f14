using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Media;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Notices.Manage;

/// <summary>
/// One notice as its unit's author sees it: its terms (saved), its attachments (added and removed), and
/// 发布 / 撤回 after a confirmation. Every step is a POST at the version the page was drawn with, found
/// among the account's own unit's notices only (a notice it reads but did not publish: 403), audited.
/// </summary>
[Authorize(Policy = NoticesPermissions.Publish)]
public sealed class EditModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, MediaStorage storage) : PageModel
{
    [BindProperty] public NoticeForm Input { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public int AttachmentId { get; set; }

    public Notice Notice { get; private set; } = null!;
    public bool Expired { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var terms = Input.Read(ModelState);
        if (terms is null)
        {
            if (await LoadAsync(id, ct) is { } refused) return refused;
            return this.Unprocessable();
        }
        return await StepAsync(id, NoticesTexts.ChangedAudit, n =>
        {
            n.Change(terms.Title, terms.Body, terms.Category, terms.Pinned, terms.ExpiresOn, clock.Today());
            return Task.FromResult((NoticeForm.Describe(n), NoticesTexts.Changed(n.Title)));
        }, "Input", ct);
    }

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        StepAsync(id, NoticesTexts.PublishedAudit, n =>
        {
            n.Publish(clock.Today(), clock.UtcNow());
            return Task.FromResult((NoticeForm.Describe(n), NoticesTexts.Published(n.Title)));
        }, null, ct);

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        StepAsync(id, NoticesTexts.WithdrawnAudit, n =>
        {
            n.Withdraw();
            return Task.FromResult((NoticeForm.Describe(n), NoticesTexts.Withdrawn(n.Title)));
        }, null, ct);

    /// <summary>添加附件: the file goes to the media folder as it arrives (its first bytes must match its extension), then onto the notice.</summary>
    public async Task<IActionResult> OnPostAttachAsync(int id, IFormFile? upload, CancellationToken ct)
    {
        string? stored = null;
        var result = await StepAsync(id, NoticesTexts.AttachedAudit, async n =>
        {
            if (upload is null || upload.Length == 0) throw new DomainException(NoticesTexts.ChooseFile);
            var kind = NoticeReads.KindOf(upload.FileName) ?? throw new DomainException(NoticesTexts.KindRefused(NoticeReads.Extensions));
            await using var source = upload.OpenReadStream();
            var (saved, problem) = await storage.SaveAsync(source, kind, ct);
            if (saved is null) throw new DomainException(problem ?? NoticesTexts.ChooseFile);
            stored = saved.StoredName;
            var a = n.Attach(upload.FileName, saved.StoredName, saved.Bytes);
            return (a.FileName, NoticesTexts.Attached(a.FileName));
        }, null, ct);
        // Refused or changed after the file was stored: nothing refers to it.
        if (stored is not null && result is not RedirectToPageResult) storage.Delete(stored);
        return result;
    }

    public async Task<IActionResult> OnPostDetachAsync(int id, CancellationToken ct)
    {
        string? stored = null;
        var result = await StepAsync(id, NoticesTexts.DetachedAudit, n =>
        {
            var a = n.Attachments.SingleOrDefault(x => x.Id == AttachmentId) ?? throw new DomainException(NoticesTexts.AttachmentNotInNotice);
            n.Detach(a);
            db.NoticeAttachments.Remove(a);
            stored = a.StoredName;
            return Task.FromResult((a.FileName, NoticesTexts.Detached(a.FileName)));
        }, null, ct);
        if (stored is not null && result is RedirectToPageResult) storage.Delete(stored);
        return result;
    }

    private async Task<IActionResult> StepAsync(int id, string action, Func<Notice, Task<(string Detail, string Message)>> act, string? fieldPrefix,
        CancellationToken ct)
    {
        var result = await db.RunAsync(Managed(id), Version, async n =>
        {
            var (detail, message) = await act(n);
            db.Audit.Add(new AuditEntry(me.UserName, action, NoticesTexts.OfNotice(n.Title, detail), clock.UtcNow()));
            return message;
        }, ct);
        if (result.Status == StepStatus.NotFound) return await RefuseAsync(id, ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { id }), async () => await LoadAsync(id, ct), fieldPrefix);
    }

    private IQueryable<Notice> Managed(int id) =>
        db.Notices.ManagedBy(me).Include(n => n.Owner).Include(n => n.Attachments).Where(n => n.Id == id);

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var n = await Managed(id).AsNoTracking().SingleOrDefaultAsync(ct);
        if (n is null) return await RefuseAsync(id, ct);
        Notice = n;
        Version = n.Version;
        // Drawn again after another form of the page (an attachment) was refused: the notice's own terms.
        if (Input.Title is null && Input.Body is null) Input = NoticeForm.From(n);
        Expired = n.IsExpiredOn(clock.Today());
        return null;
    }

    /// <summary>A notice the account reads but its unit did not publish: 403; one it does not see: 404.</summary>
    private async Task<IActionResult> RefuseAsync(int id, CancellationToken ct) =>
        await db.Notices.InScope(me, db.Persons, clock.Today()).AnyAsync(n => n.Id == id, ct) ? Forbid() : NotFound();
}
