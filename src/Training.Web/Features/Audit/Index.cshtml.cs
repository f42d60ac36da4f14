using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Audit;

/// <summary>/Audit: the security auditor searches the trail (page and fragment on one URL) and exports what it found.</summary>
[Authorize(Policy = AuditPermissions.Read)]
public sealed class IndexModel(TrainingDbContext db) : PageModel
{
    public AuditFilter Filter { get; private set; } = new();
    public Paged<AuditEntry> Rows { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] AuditFilter filter, [FromQuery(Name = "p")] int pageNumber, CancellationToken ct)
    {
        // A date the browser could not send as one (typed by hand) is left out rather than failing the search.
        Filter = filter;
        Rows = await filter.Apply(db.Audit.AsNoTracking()).ToPagedAsync(pageNumber, ct, pageSize: 50);
        return this.PageOrFragment("_Rows");
    }

    public bool MayExport => Rows.Total is > 0 and <= ExportModel.MaxRows;

    public string PageUrl(int page)
    {
        var values = Filter.RouteValues();
        if (page > 1) values["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Url.Page("/Audit/Index", values)!;
    }

    public string ExportUrl => Url.Page("/Audit/Export", Filter.RouteValues())!;
}
