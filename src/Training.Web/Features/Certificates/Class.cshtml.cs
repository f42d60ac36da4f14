using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Certificates.Issuing;
using Training.Web.Features.Classes.Graduation;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Certificates;

/// <summary>
/// 结业证书 of one class: its graduates and the certificates issued, as far as the account's scope
/// reaches (a district sees its own people in a city class). The unit running the class issues the
/// certificates every graduate lacks (颁发) and revokes one with a reason (撤销, audited); the others read.
/// </summary>
[Authorize(Policy = CertificatesPermissions.Manage)]
public sealed class ClassModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Reason { get; set; }

    public sealed record ClassView(int Id, string Name, int OwnerId, string OwnerName, DateOnly StartOn, DateOnly EndOn);

    public sealed record Row(int PersonId, string Name, string VillageName, bool Graduated, decimal? GraduateHours,
        int? CertificateId, string? Number, decimal? Hours, DateOnly? IssuedOn, DateTime? RevokedAt, string? RevokeReason);

    public ClassView Class { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>The account belongs to the unit running the class: it issues and revokes.</summary>
    public bool MayIssue { get; private set; }
    public int Lacking => Rows.Count(r => r.Graduated && r.CertificateId is null);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>颁发: every graduate of the class without a certificate gets one.</summary>
    public async Task<IActionResult> OnPostIssueAsync(int id, CancellationToken ct)
    {
        if (await RefusedAsync(id, ct) is { } refused) return await AnswerAsync(id, refused, ct);
        var count = await CertificateIssuer.IssueAllAsync(db, id, me.UserName, clock.Today(), clock.UtcNow(), ct);
        return await AnswerAsync(id, StepResult.Done(CertificatesTexts.IssuedCount(count)), ct);
    }

    /// <summary>撤销 one certificate, with a reason; audited.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(int id, int certificateId, CancellationToken ct)
    {
        if (await RefusedAsync(id, ct) is { } refused) return await AnswerAsync(id, refused, ct);
        var certificate = await db.Certificates.Include(c => c.Class).Include(c => c.Person)
            .SingleOrDefaultAsync(c => c.Id == certificateId && c.ClassId == id, ct);
        if (certificate is null) return NotFound();
        var result = await db.ActAsync(() =>
        {
            certificate.Revoke(Reason, me.UserName, clock.UtcNow());
            db.Audit.Add(new AuditEntry(me.UserName, CertificatesTexts.RevokedAudit,
                CertificatesTexts.RevokeDetail(certificate.Class.Name, certificate.Number, certificate.Person.Name, certificate.RevokeReason!), clock.UtcNow()));
            return CertificatesTexts.RevokedDone(certificate.Number);
        }, ct, id);
        return await AnswerAsync(id, result, ct);
    }

    /// <summary>Not in scope: 404; seen but run by another unit: 403.</summary>
    private async Task<StepResult?> RefusedAsync(int id, CancellationToken ct)
    {
        var owner = await db.TrainingClasses.AsNoTracking().InScope(me).Where(c => c.Id == id).Select(c => (int?)c.OwnerId).SingleOrDefaultAsync(ct);
        if (owner is null) return StepResult.NotFound();
        return owner == me.OrgUnitId ? null : StepResult.Forbidden();
    }

    private Task<IActionResult> AnswerAsync(int id, StepResult result, CancellationToken ct) =>
        this.AnswerAsync(result,
            done: () => RedirectToPage("/Certificates/Class", new { id }),
            again: async () =>
            {
                db.ChangeTracker.Clear();
                await LoadAsync(id, ct);
            }, fieldPrefix: null);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var c = await db.TrainingClasses.AsNoTracking().InScope(me).Where(x => x.Id == id)
            .Select(x => new ClassView(x.Id, x.Name, x.OwnerId, x.Owner.Name, x.StartOn, x.EndOn))
            .SingleOrDefaultAsync(ct);
        if (c is null) return false;
        Class = c;
        MayIssue = c.OwnerId == me.OrgUnitId;

        var graduates = (await ClassGraduation.GraduatesAsync(db, id, clock.Today(), ct)).ToDictionary(g => g.PersonId);
        var certificates = await db.Certificates.AsNoTracking().Where(x => x.ClassId == id)
            .Select(x => new { x.Id, x.PersonId, x.Number, x.Hours, x.IssuedOn, x.RevokedAt, x.RevokeReason })
            .ToDictionaryAsync(x => x.PersonId, ct);
        var people = await db.ClassParticipants.AsNoTracking().InScope(me).Where(p => p.ClassId == id)
            .OrderBy(p => p.Person.Village.Path).ThenBy(p => p.Person.Name).ThenBy(p => p.Id)
            .Select(p => new { p.PersonId, p.Person.Name, Village = p.Person.Village.Name })
            .ToListAsync(ct);
        Rows = people
            .Where(p => graduates.ContainsKey(p.PersonId) || certificates.ContainsKey(p.PersonId))
            .Select(p =>
            {
                var g = graduates.GetValueOrDefault(p.PersonId);
                var x = certificates.GetValueOrDefault(p.PersonId);
                return new Row(p.PersonId, p.Name, p.Village, g is not null, g?.Hours,
                    x?.Id, x?.Number, x?.Hours, x?.IssuedOn, x?.RevokedAt, x?.RevokeReason);
            })
            .ToList();
        return true;
    }
}
