using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Degree;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Catalog.Cohorts;

/// <summary>One cohort: window, quotas per district (used / left), programs on offer with their fee schedules.</summary>
[Authorize(Policy = DegreePermissions.Catalog)]
public sealed class DetailsModel(TrainingDbContext db, CurrentUser me, QuotaQuery quotas, TimeProvider clock) : PageModel
{
    public Facts Cohort { get; private set; } = null!;
    public IReadOnlyList<QuotaQuery.Use> Quotas { get; private set; } = [];
    public IReadOnlyList<Offer> Offers { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public sealed record Facts(int Id, int Year, string Name, DateOnly ApplyFrom, DateOnly ApplyTo, int CityQuota);

    public sealed record Offer(int FeeId, int ProgramId, string School, string Program, DegreeLevel Level, int DurationYears,
        FeeSplit Split, int Applications);

    public int QuotaSum => Quotas.Sum(q => q.Quota);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Takes a program off the cohort; the domain refuses once anybody applied for it.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, int fee, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var cohort = await db.Cohorts.Include(c => c.Fees).ThenInclude(f => f.Program).SingleAsync(c => c.Id == id, ct);
        var offering = cohort.Fees.SingleOrDefault(f => f.Id == fee);
        if (offering is null) return NotFound();
        var used = await db.Enrollments.InScope(me).CountAsync(e => e.CohortId == id && e.ProgramId == offering.ProgramId, ct);
        cohort.RemoveOffer(offering, used);
        db.Audit.Add(new AuditEntry(me.UserName, CatalogTexts.WithdrawnAudit, CatalogTexts.Withdrawn(cohort.Name, DegreeTexts.ProgramWithLevel(offering.Program.Name, offering.Program.Level)), clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return this.FlashAndRedirect(DegreeTexts.OfferRemoved(offering.Program.Name), "/Degree/Catalog/Cohorts/Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Today = clock.Today();
        var facts = await db.Cohorts.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new Facts(c.Id, c.Year, c.Name, c.ApplyFrom, c.ApplyTo, c.CityQuota))
            .SingleOrDefaultAsync(ct);
        if (facts is null) return false;
        Cohort = facts;
        Quotas = await quotas.ForCohortAsync(id, db.OrgUnits.InScope(me), ct);
        var enrollments = db.Enrollments.AsNoTracking().InScope(me);
        Offers = await db.FeeSchedules.AsNoTracking().Where(f => f.CohortId == id)
            .OrderBy(f => f.Program.Level).ThenBy(f => f.Program.SchoolId).ThenBy(f => f.Program.Name)
            .Select(f => new Offer(f.Id, f.ProgramId, f.Program.School.Name, f.Program.Name, f.Program.Level, f.Program.DurationYears,
                f.Split, enrollments.Count(e => e.CohortId == id && e.ProgramId == f.ProgramId)))
            .ToListAsync(ct);
        return true;
    }
}
