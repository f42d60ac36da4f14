using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Classes.Graduation;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Certificates.Issuing;

/// <summary>
/// The one way a certificate is issued — by the unit running the class, by the participant downloading
/// its own, and by the daily job: the graduation is checked (<see cref="ClassGraduation"/>), the next
/// number of the issuing unit in the year taken, and the certificate saved with its audit entry. Asking
/// again gives the certificate already issued. Two nodes issuing at once: the unique indexes let one
/// win each number (the other takes the next) and each class and person only once.
/// </summary>
public static class CertificateIssuer
{
    /// <summary>How many numbers a request tries before giving up (each lost only to a certificate saved meanwhile).</summary>
    public const int Attempts = 8;

    /// <summary>One person's certificate of one class: done with the certificate's id (new or already issued), or refused.</summary>
    public static async Task<StepResult> IssueAsync(TrainingDbContext db, int classId, int personId, string actor,
        DateOnly today, DateTime now, CancellationToken ct)
    {
        if (await ExistingAsync(db, classId, personId, ct) is { } id) return StepResult.Done("", id);
        var graduate = await ClassGraduation.GraduateAsync(db, classId, personId, today, ct);
        return await IssueAsync(db, classId, personId, graduate, actor, today, now, ct);
    }

    /// <summary>Every graduate of the class without a certificate gets one; the number issued.</summary>
    public static async Task<int> IssueAllAsync(TrainingDbContext db, int classId, string actor, DateOnly today, DateTime now, CancellationToken ct)
    {
        var graduates = await ClassGraduation.GraduatesAsync(db, classId, today, ct);
        var holders = await db.Certificates.AsNoTracking().Where(c => c.ClassId == classId).Select(c => c.PersonId).ToListAsync(ct);
        var issued = 0;
        foreach (var graduate in graduates.Where(g => !holders.Contains(g.PersonId)))
        {
            ct.ThrowIfCancellationRequested();
            var result = await IssueAsync(db, classId, graduate.PersonId, graduate, actor, today, now, ct);
            if (result.IsDone && result.Message.Length > 0) issued++;
        }
        return issued;
    }

    /// <summary>Done with an empty message when the certificate already existed, with the audit text when issued now.</summary>
    private static async Task<StepResult> IssueAsync(TrainingDbContext db, int classId, int personId, Graduate? graduate,
        string actor, DateOnly today, DateTime now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await ExistingAsync(db, classId, personId, ct) is { } existing) return StepResult.Done("", existing);
            Certificate? issued = null;
            try
            {
                var result = await db.ActAsync(async () =>
                {
                    var c = await db.TrainingClasses.Include(x => x.Owner).SingleAsync(x => x.Id == classId, ct);
                    var name = await db.Persons.Where(p => p.Id == personId).Select(p => p.Name).SingleAsync(ct);
                    var last = await db.Certificates.Where(x => x.IssuerId == c.OwnerId && x.Year == today.Year)
                        .MaxAsync(x => (int?)x.Sequence, ct) ?? 0;
                    issued = Certificate.Issue(c, personId, graduate is not null, graduate?.Hours ?? 0, last + 1,
                        Certificate.NewCode(), actor, today, now);
                    db.Certificates.Add(issued);
                    var detail = CertificatesTexts.IssueDetail(c.Name, issued.Number, name);
                    db.Audit.Add(new AuditEntry(actor, CertificatesTexts.Issued, detail, now));
                    return detail;
                }, ct);
                return result.IsDone ? result with { Id = issued!.Id } : result;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another request saved this class and person, or took this number, first: look again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static Task<int?> ExistingAsync(TrainingDbContext db, int classId, int personId, CancellationToken ct) =>
        db.Certificates.AsNoTracking().Where(c => c.ClassId == classId && c.PersonId == personId).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
}
