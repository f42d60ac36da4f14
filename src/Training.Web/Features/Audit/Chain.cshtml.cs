using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Audit;

/// <summary>/Audit/Chain: the security auditor sees the last checks of the sealed chain and checks it now.</summary>
[Authorize(Policy = AuditPermissions.Read)]
public sealed class ChainModel(TrainingDbContext db, VerifyAuditJob verify, CurrentUser me) : PageModel
{
    public IReadOnlyList<AuditEntry> Checks { get; private set; } = [];
    public long Unsealed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Checks = await db.Audit.AsNoTracking().Where(a => a.Action == AuditTexts.ChainVerifiedAudit)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(10).ToListAsync(ct);
        Unsealed = await db.Audit.LongCountAsync(a => a.ChainIndex == null, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var report = await verify.RunAsync(me.UserName, ct);
        return this.FlashAndRedirect(report.Problem ?? AuditTexts.ChainVerified(report.Checked, report.Unsealed), "/Audit/Chain");
    }
}
