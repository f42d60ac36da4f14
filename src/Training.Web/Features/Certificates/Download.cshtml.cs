using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Features.Certificates.Issuing;
using Training.Web.Features.Certificates.Pdf;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Certificates;

/// <summary>
/// The participant's own certificate as a PDF (GET, by the certificate's id; anyone else's is not found,
/// nor is a revoked one), and 下载结业证书 on its class (POST, by the class): the certificate is issued
/// if the participant graduated and has none yet, then downloaded.
/// </summary>
[Authorize(Policy = CertificatesPermissions.Mine)]
public sealed class DownloadModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, CertificateLinks links) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null || me.PersonId is not { } personId) return NotFound();
        var mine = await db.Certificates.AsNoTracking()
            .AnyAsync(c => c.Id == id && c.PersonId == personId && c.RevokedAt == null, ct);
        if (!mine) return NotFound();
        var content = await links.ContentAsync(db, id.Value, ct);
        if (content is null) return NotFound();

        var pdf = new MemoryStream();
        CertificatePdf.Write(content, pdf);
        pdf.Position = 0;
        Response.Headers.ContentDisposition = ContentDisposition(CertificatesTexts.FileName(content.Name, content.Number), content.Number);
        return File(pdf, CertificatePdf.ContentType);
    }

    public async Task<IActionResult> OnPostIssueAsync(int classId, CancellationToken ct)
    {
        if (me.PersonId is not { } personId) return NotFound();
        var takesPart = await db.ClassParticipants.AsNoTracking().AnyAsync(p => p.ClassId == classId && p.PersonId == personId, ct);
        if (!takesPart) return NotFound();
        var result = await CertificateIssuer.IssueAsync(db, classId, personId, me.UserName, clock.Today(), clock.UtcNow(), ct);
        return result.IsDone
            ? RedirectToPage("/Certificates/Download", new { id = result.Id })
            : this.FlashAndRedirect(result.Message, "/Classes/Mine");
    }

    /// <summary>RFC 6266: an ASCII name for old clients, the Chinese one as UTF-8 for every current browser.</summary>
    public static string ContentDisposition(string fileName, string number) =>
        $"attachment; filename=\"certificate-{number}.pdf\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
}
