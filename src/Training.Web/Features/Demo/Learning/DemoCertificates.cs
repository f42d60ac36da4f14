using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Features.Certificates.Issuing;

namespace Training.Web.Features.Demo.Learning;

/// <summary>
/// The demo's certificates: every graduate of a class over by the seeding day (as <c>ClassGraduation</c>
/// reports them) gets one through the portal's own issuer, dated a week after the class's last day as the
/// unit would have issued it; the last one is revoked, so the verification page shows both answers.
/// </summary>
internal static class DemoCertificates
{
    public const string RevokeReason = "经核查考勤记录有误，未达到结业条件";

    /// <returns>The number of certificates issued.</returns>
    public static async Task<int> IssueAsync(TrainingDbContext db, DateOnly today, DateTime stamp, CancellationToken ct)
    {
        var over = await db.TrainingClasses.AsNoTracking().Where(c => c.EndOn < today).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.EndOn }).ToListAsync(ct);
        var issued = 0;
        foreach (var c in over)
        {
            var on = c.EndOn.AddDays(7) < today ? c.EndOn.AddDays(7) : today;
            issued += await CertificateIssuer.IssueAllAsync(db, c.Id, DemoDevelopment.Actor, on, stamp, ct);
        }
        var last = await db.Certificates.OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
        if (last is not null)
        {
            last.Revoke(RevokeReason, DemoDevelopment.Actor, stamp);
            await db.SaveChangesAsync(ct);
        }
        return issued;
    }
}
