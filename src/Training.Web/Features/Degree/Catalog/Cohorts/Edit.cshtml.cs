using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Catalog.Cohorts;

/// <summary>Corrects a cohort's name, application window and city quota (the domain keeps the policy minimum and the districts' sum).</summary>
[Authorize(Policy = DegreePermissions.Catalog)]
public sealed class EditModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public int Year { get; private set; }
    public string CohortName { get; private set; } = "";

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? ApplyFrom { get; set; }
        public string? ApplyTo { get; set; }
        public string? CityQuota { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (cohort is null) return NotFound();
        Show(cohort);
        Input = new InputModel
        {
            Name = cohort.Name,
            ApplyFrom = FormInput.DateText(cohort.ApplyFrom),
            ApplyTo = FormInput.DateText(cohort.ApplyTo),
            CityQuota = cohort.CityQuota.ToString(CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var cohort = await db.Cohorts.Include(c => c.DistrictQuotas).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (cohort is null) return NotFound();
        Show(cohort);
        var from = ModelState.Date("Input.ApplyFrom", Input.ApplyFrom, CatalogTexts.ApplyFrom);
        var to = ModelState.Date("Input.ApplyTo", Input.ApplyTo, CatalogTexts.ApplyTo);
        var quota = ModelState.Whole("Input.CityQuota", Input.CityQuota, CatalogTexts.CityQuota);
        if (!ModelState.IsValid) return this.Unprocessable();

        var before = Describe(cohort);
        cohort.ChangeDetails(Input.Name ?? "", from!.Value, to!.Value, quota!.Value);
        db.Audit.Add(new AuditEntry(me.UserName, CatalogTexts.CohortChangedAudit, CatalogTexts.Renamed(before, Describe(cohort)), clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Degree/Catalog/Cohorts/Details", new { id });
    }

    private void Show(Cohort cohort)
    {
        Year = cohort.Year;
        CohortName = cohort.Name;
    }

    private static string Describe(Cohort c) =>
        CatalogTexts.CohortDescribed(c.Name, FormInput.DateText(c.ApplyFrom), FormInput.DateText(c.ApplyTo), c.CityQuota);
}
