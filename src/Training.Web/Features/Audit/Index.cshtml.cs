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
    /// <summary>
    /// The most entries a search counts: past it the page says "more than" and pages on. The trail keeps 180 days of
    /// every sign-in and download, so counting all of it on each search read a table that only grows (314–352 searches
    /// a second at 70,000 entries, 702–849 with a limit of 10,000). At 150,000 entries counting 10,001 still took
    /// 0.6 ms of the page's 2 ms; 1,001 take 0.08 ms, and 50 pages of 20 are more than anyone reads before narrowing
    /// the dates. The export counts its own rows up to its limit, and its workbook has them all.
    /// </summary>
    public const int CountLimit = 1_000;

    public AuditFilter Filter { get; private set; } = new();
    public Paged<AuditRow> Rows { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] AuditFilter filter, [FromQuery(Name = "p")] int pageNumber, CancellationToken ct)
    {
        // A date the browser could not send as one (typed by hand) is left out rather than failing the search.
        Filter = filter;
        Rows = await filter.Apply(db.Audit.AsNoTracking()).ToRows().ToPagedAsync(pageNumber, ct,
            count: c => filter.Where(db.Audit.AsNoTracking()).Take(CountLimit + 1).CountAsync(c));
        return this.PageOrFragment("_Rows");
    }

    /// <summary>More entries than <see cref="CountLimit"/> match: the total shown is a lower bound.</summary>
    public bool MoreThanCounted => Rows.Total > CountLimit;

    /// <summary>Something to export; past <see cref="ExportModel.MaxRows"/> the export itself says to narrow the dates.</summary>
    public bool MayExport => Rows.Total > 0;

    public string PageUrl(int page)
    {
        var values = Filter.RouteValues();
        if (page > 1) values["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Url.Page("/Audit/Index", values)!;
    }

    public string ExportUrl => Url.Page("/Audit/Export", Filter.RouteValues())!;
}
