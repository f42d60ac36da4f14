using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Certificates.Mine;

/// <summary>
/// On the participant's class card (我的培训班): 下载结业证书 once it graduated — a link to the certificate
/// when issued, otherwise a POST that issues it and downloads; 已撤销 for a revoked one; in WeChat, the hint
/// to open the page in the system browser first (its own browser does not save downloads). The card has
/// already evaluated graduation and passes it in; the issuing POST checks it again, as it must.
/// </summary>
public sealed class MyCertificate(TrainingDbContext db, CurrentUser me) : ViewComponent
{
    public sealed record Shown(int ClassId, int? CertificateId, string? Number, DateTime? RevokedAt, bool InWeChat);

    public async Task<IViewComponentResult> InvokeAsync(int classId, bool graduated)
    {
        if (me.PersonId is not { } personId) return Content("");
        var ct = HttpContext.RequestAborted;
        var issued = await db.Certificates.AsNoTracking().Where(c => c.ClassId == classId && c.PersonId == personId)
            .Select(c => new { c.Id, c.Number, c.RevokedAt }).SingleOrDefaultAsync(ct);
        if (issued is null && !graduated) return Content("");
        var inWeChat = Request.Headers.UserAgent.ToString().Contains("MicroMessenger", StringComparison.OrdinalIgnoreCase);
        return View("~/Features/Certificates/Mine/MyCertificate.cshtml", new Shown(classId, issued?.Id, issued?.Number, issued?.RevokedAt, inWeChat));
    }
}
