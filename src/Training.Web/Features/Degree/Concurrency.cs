using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.Degree;

public static class Concurrency
{
    public const string Changed = "该报名已被他人处理或修改，请刷新后查看最新状态。";

    /// <summary>
    /// The version the user saw when the page was drawn: if someone changed the application
    /// since, SaveChanges fails and the user is told, instead of overwriting a newer decision.
    /// </summary>
    public static void ExpectVersion(this TrainingDbContext db, Enrollment enrollment, Guid seenVersion) =>
        db.Entry(enrollment).Property(e => e.Version).OriginalValue = seenVersion;

    /// <summary>Saves; false when another request changed the same row first (the caller says <see cref="Changed"/>).</summary>
    public static async Task<bool> TrySaveAsync(this TrainingDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
