using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Degree;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Catalog.Cohorts;

/// <summary>The quotas of all eleven districts in one form: the sum may not exceed the city quota, and no district below its admissions.</summary>
[Authorize(Policy = DegreePermissions.Catalog)]
public sealed class QuotasModel(TrainingDbContext db, CurrentUser me, QuotaQuery quotaQuery, TimeProvider clock) : PageModel
{
    [BindProperty] public List<Line> Quotas { get; set; } = [];
    public string CohortName { get; private set; } = "";
    public int CityQuota { get; private set; }
    public IReadOnlyList<QuotaQuery.Use> Uses { get; private set; } = [];

    public sealed class Line
    {
        public int DistrictId { get; set; }
        public string? Quota { get; set; }
    }

    public QuotaQuery.Use? UseOf(int districtId) => Uses.FirstOrDefault(u => u.DistrictId == districtId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Quotas = Uses.Select(u => new Line { DistrictId = u.DistrictId, Quota = u.Quota.ToString(CultureInfo.InvariantCulture) }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // The form carries every district once, in the order shown; anything else is not this form.
        if (Quotas.Count != Uses.Count || Quotas.Select(q => q.DistrictId).Except(Uses.Select(u => u.DistrictId)).Any()
            || Quotas.Select(q => q.DistrictId).Distinct().Count() != Quotas.Count)
            return BadRequest();

        var districts = await db.OrgUnits.InScope(me).Where(u => u.Level == OrgLevel.District).ToDictionaryAsync(u => u.Id, ct);
        var assignments = new List<QuotaAssignment>();
        for (var i = 0; i < Quotas.Count; i++)
        {
            var line = Quotas[i];
            var use = UseOf(line.DistrictId)!;
            var quota = ModelState.Whole($"Quotas[{i}].Quota", line.Quota, CatalogTexts.DistrictQuota(use.DistrictName));
            if (quota is { } q) assignments.Add(new QuotaAssignment(districts[line.DistrictId], q, use.Admitted));
        }
        if (!ModelState.IsValid) return this.Unprocessable();

        var cohort = await db.Cohorts.Include(c => c.DistrictQuotas).SingleAsync(c => c.Id == id, ct);
        cohort.SetDistrictQuotas(assignments);
        db.Audit.Add(new AuditEntry(me.UserName, CatalogTexts.QuotasAudit,
            CatalogTexts.Quotas(cohort.Name, assignments.Select(a => (a.District.Name, a.Quota))), clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Degree/Catalog/Cohorts/Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Name, c.CityQuota }).SingleOrDefaultAsync(ct);
        if (cohort is null) return false;
        CohortName = cohort.Name;
        CityQuota = cohort.CityQuota;
        Uses = await quotaQuery.ForCohortAsync(id, db.OrgUnits.InScope(me), ct);
        return true;
    }
}
