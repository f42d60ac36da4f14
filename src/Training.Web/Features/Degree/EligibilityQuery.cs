using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.Degree;

/// <summary>Reads the facts eligibility is decided on (PRODUCT.md §5) for one person on a date.</summary>
public sealed class EligibilityQuery(TrainingDbContext db)
{
    public async Task<Eligibility.Facts?> ForAsync(int personId, DateOnly today, int? ignoringEnrollmentId = null, CancellationToken ct = default)
    {
        var active = db.Enrollments.Where(Enrollment.IsActive);
        return await db.Persons.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new Eligibility.Facts(
                p.Posts.AsQueryable().Any(Post.HeldOn(today)),
                db.Reserves.Where(ReserveCandidate.InPoolOnDate(today)).Any(r => r.PersonId == p.Id),
                p.PoliticalStatus == PoliticalStatus.PartyMember || p.PoliticalStatus == PoliticalStatus.ProbationaryMember,
                p.RecommendedByVillage,
                p.Education,
                active.Any(e => e.PersonId == p.Id && e.Id != ignoringEnrollmentId)))
            .SingleOrDefaultAsync(ct);
    }
}
