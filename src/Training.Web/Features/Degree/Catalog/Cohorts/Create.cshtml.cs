using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Catalog.Cohorts;

/// <summary>
/// A new year's intake. The domain checks the window and the policy minimum of the city
/// quota. Optionally the district quotas and the programs with their fees are taken over
/// from an earlier cohort, which is what the office does most years.
/// </summary>
[Authorize(Policy = DegreePermissions.Catalog)]
public sealed class CreateModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<(int Id, int Year, string Name)> Earlier { get; private set; } = [];

    public sealed class InputModel
    {
        public string? Year { get; set; }
        public string? Name { get; set; }
        public string? ApplyFrom { get; set; }
        public string? ApplyTo { get; set; }
        public string? CityQuota { get; set; }
        /// <summary>A cohort whose district quotas and offers are copied; none when empty.</summary>
        public int? CopyFrom { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var next = Earlier.Count == 0 ? clock.Today().Year : Earlier.Max(c => c.Year) + 1;
        Input = new InputModel
        {
            Year = next.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CityQuota = Cohort.MinimumCityQuota.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CopyFrom = Earlier.Count == 0 ? null : Earlier[0].Id,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var year = ModelState.Whole("Input.Year", Input.Year, CatalogTexts.Year);
        var from = ModelState.Date("Input.ApplyFrom", Input.ApplyFrom, CatalogTexts.ApplyFrom);
        var to = ModelState.Date("Input.ApplyTo", Input.ApplyTo, CatalogTexts.ApplyTo);
        var quota = ModelState.Whole("Input.CityQuota", Input.CityQuota, CatalogTexts.CityQuota);
        if (year is { } y && await db.Cohorts.AnyAsync(c => c.Year == y, ct))
            ModelState.AddModelError("Input.Year", CatalogTexts.YearTaken(y));
        if ((Input.Name ?? "").Trim().Length > 100)
            ModelState.AddModelError("Input.Name", CatalogTexts.CohortNameTooLong);
        if (Input.CopyFrom is { } copy && Earlier.All(c => c.Id != copy))
            ModelState.AddModelError("Input.CopyFrom", CatalogTexts.NoSuchSourceCohort);
        if (!ModelState.IsValid) return this.Unprocessable();

        var cohort = Cohort.Create(year!.Value, Input.Name ?? "", from!.Value, to!.Value, quota!.Value);
        var copied = "";
        if (Input.CopyFrom is { } sourceId)
        {
            var source = await db.Cohorts
                .Include(c => c.DistrictQuotas).ThenInclude(q => q.District)
                .Include(c => c.Fees).ThenInclude(f => f.Program)
                .AsSplitQuery()
                .SingleAsync(c => c.Id == sourceId, ct);
            cohort.SetDistrictQuotas(source.DistrictQuotas.Select(q => new QuotaAssignment(q.District, q.Quota)).ToList());
            foreach (var fee in source.Fees) cohort.Offer(fee.Program, fee.Split with { });
            copied = CatalogTexts.Copied(source.Name, source.Fees.Count);
        }
        db.Cohorts.Add(cohort);
        db.Audit.Add(new AuditEntry(me.UserName, CatalogTexts.CohortCreatedAudit,
            CatalogTexts.CohortCreated(cohort.Name, FormInput.DateText(cohort.ApplyFrom), FormInput.DateText(cohort.ApplyTo), cohort.CityQuota, copied),
            clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Degree/Catalog/Cohorts/Details", new { id = cohort.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Earlier = (await db.Cohorts.AsNoTracking().OrderByDescending(c => c.Year)
                .Select(c => new { c.Id, c.Year, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Year, c.Name)).ToList();
    }
}
