using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Features.Certificates.Pdf;

namespace Training.Web.Features.Certificates;

/// <summary>
/// The absolute address of a certificate's verification page (what its QR code holds): under
/// <c>Certificates:PublicBaseUrl</c> when set (the address the public reaches the portal at, e.g.
/// https://px.example.gov.cn), otherwise under the address of the request; and a certificate's PDF content.
/// </summary>
public sealed class CertificateLinks(IConfiguration configuration, LinkGenerator links, IHttpContextAccessor http)
{
    public string VerifyUrl(string code)
    {
        var path = links.GetPathByPage("/Certificates/Verify/Index", values: new { code }, pathBase: "")
            ?? throw new InvalidOperationException("The verification page has no route.");
        var configured = configuration["Certificates:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/') + path;
        var request = http.HttpContext?.Request
            ?? throw new InvalidOperationException("Certificates:PublicBaseUrl is not set and there is no request to take the address from.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
    }

    /// <summary>What the certificate prints, read fresh; null when there is none with that id.</summary>
    public async Task<CertificateContent?> ContentAsync(TrainingDbContext db, int certificateId, CancellationToken ct)
    {
        var c = await db.Certificates.AsNoTracking().Where(x => x.Id == certificateId)
            .Select(x => new { x.Person.Name, ClassName = x.Class.Name, x.Class.StartOn, x.Class.EndOn, x.Hours, IssuerName = x.Issuer.Name, x.Number, x.IssuedOn, x.Code })
            .SingleOrDefaultAsync(ct);
        return c is null ? null
            : new CertificateContent(c.Name, c.ClassName, c.StartOn, c.EndOn, c.Hours, c.IssuerName, c.Number, c.IssuedOn, VerifyUrl(c.Code));
    }
}
