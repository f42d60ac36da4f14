using Training.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Catalog;

/// <summary>招生管理: every cohort with its window, quotas, programs on offer and how many applied and were admitted.</summary>
[Authorize(Policy = DegreePermissions.Catalog)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public sealed record Row(int Id, int Year, string Name, DateOnly ApplyFrom, DateOnly ApplyTo, int CityQuota,
        int DistrictQuotaSum, int Offers, int Applications, int Admitted);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        // Two counts per cohort over every application of the city (75 ms): kept until a save changes them.
        Rows = await memo.GetAsync("Catalog",
            [typeof(Cohort), typeof(DistrictQuota), typeof(FeeSchedule), typeof(Enrollment), typeof(OrgUnit)], CountAsync, ct);
    }

    private async Task<IReadOnlyList<Row>> CountAsync(CancellationToken ct)
    {
        var enrollments = db.Enrollments.AsNoTracking().InScope(me);
        return await db.Cohorts.AsNoTracking()
            .OrderByDescending(c => c.Year)
            .Select(c => new Row(c.Id, c.Year, c.Name, c.ApplyFrom, c.ApplyTo, c.CityQuota,
                c.DistrictQuotas.Sum(q => q.Quota),
                c.Fees.Count,
                // An application is anything submitted once; a draft never submitted is not one yet.
                enrollments.Count(e => e.CohortId == c.Id && (e.State != EnrollmentState.Draft || e.SubmittedAt != null)),
                enrollments.Count(e => e.CohortId == c.Id && (e.State == EnrollmentState.Admitted
                    || e.State == EnrollmentState.Graduated || e.State == EnrollmentState.Withdrawn))))
            .ToListAsync(ct);
    }

    public static string WindowState(DateOnly from, DateOnly to, DateOnly today) =>
        today < from ? CatalogTexts.NotStarted : today > to ? CatalogTexts.Closed : CatalogTexts.Open;
}
