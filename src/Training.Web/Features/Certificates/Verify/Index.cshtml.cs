using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.Certificates.Verify;

/// <summary>
/// 证书查验, public (the QR code on a certificate opens it): the masked name, the class, its dates, the
/// issuing unit and whether the certificate is valid or revoked — nothing else about the person. A code
/// that is malformed (not looked up) or matches nothing gets the same page with 404 and says nothing more.
/// Read-only; never stored by a shared cache
/// (the site sends no-store); limited per client address (<see cref="CertificatesModule.VerifyPolicy"/>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(CertificatesModule.VerifyPolicy)]
public sealed class IndexModel(TrainingDbContext db) : PageModel
{
    public sealed record Shown(string MaskedName, string ClassName, DateOnly StartOn, DateOnly EndOn, string IssuerName, DateTime? RevokedAt)
    {
        public bool Valid => RevokedAt is null;
    }

    public Shown? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        var normalized = code?.Trim().ToUpperInvariant();
        if (Certificate.IsWellFormedCode(normalized))
        {
            var c = await db.Certificates.AsNoTracking().Where(x => x.Code == normalized)
                .Select(x => new { x.Person.Name, ClassName = x.Class.Name, x.Class.StartOn, x.Class.EndOn, IssuerName = x.Issuer.Name, x.RevokedAt })
                .SingleOrDefaultAsync(ct);
            if (c is not null) Found = new Shown(Certificate.MaskName(c.Name), c.ClassName, c.StartOn, c.EndOn, c.IssuerName, c.RevokedAt);
        }
        var page = Page();
        if (Found is null) page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }
}
