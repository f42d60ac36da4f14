using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.Degree;

/// <summary>
/// A district's quota in a cohort and how much of it admissions have used. Enrollments count
/// under the district of the village they applied from.
/// </summary>
public sealed class QuotaQuery(TrainingDbContext db)
{
    public sealed record Use(int DistrictId, string DistrictName, int Quota, int Admitted)
    {
        public int Left => Math.Max(0, Quota - Admitted);
    }

    public async Task<Use> ForDistrictAsync(int cohortId, int districtId, CancellationToken ct = default)
    {
        var district = await db.OrgUnits.AsNoTracking().Where(u => u.Id == districtId)
            .Select(u => new { u.Id, u.Name, u.Path }).SingleAsync(ct);
        var quota = await db.DistrictQuotas.AsNoTracking()
            .Where(q => q.CohortId == cohortId && q.DistrictId == districtId).Select(q => (int?)q.Quota).SingleOrDefaultAsync(ct) ?? 0;
        var admitted = await db.Enrollments.AsNoTracking().Where(Enrollment.HasReachedAdmission)
            .CountAsync(e => e.CohortId == cohortId && OrgPaths.IsUnder(e.Village.Path, district.Path), ct);
        return new Use(district.Id, district.Name, quota, admitted);
    }

    /// <summary>Every district's use in a cohort, for the city's and districts' queue headers.</summary>
    public async Task<IReadOnlyList<Use>> ForCohortAsync(int cohortId, IQueryable<OrgUnit> districtsInScope, CancellationToken ct = default)
    {
        var admitted = db.Enrollments.Where(Enrollment.HasReachedAdmission);
        var rows = await districtsInScope.AsNoTracking().Where(u => u.Level == OrgLevel.District).OrderBy(u => u.Code)
            .Select(u => new
            {
                u.Id,
                u.Name,
                Quota = db.DistrictQuotas.Where(q => q.CohortId == cohortId && q.DistrictId == u.Id).Select(q => q.Quota).FirstOrDefault(),
                Admitted = admitted.Count(e => e.CohortId == cohortId && OrgPaths.IsUnder(e.Village.Path, u.Path)),
            })
            .ToListAsync(ct);
        return rows.Select(r => new Use(r.Id, r.Name, r.Quota, r.Admitted)).ToList();
    }
}
