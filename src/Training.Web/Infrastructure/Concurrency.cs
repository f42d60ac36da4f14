using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Infrastructure;

/// <summary>
/// Optimistic concurrency for every versioned aggregate (applications, reserve candidates,
/// mentoring pairs, shadowing, training classes): a change starts from the version the user saw,
/// and saving tells whether someone else changed the row first.
/// </summary>
public static class Concurrency
{
    /// <summary>
    /// The version the user saw when the page was drawn: if someone changed the row since,
    /// SaveChanges fails and the user is told, instead of overwriting a newer decision.
    /// </summary>
    public static void ExpectVersion<T>(this TrainingDbContext db, T entity, Guid seenVersion) where T : class, IVersioned =>
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = seenVersion;

    /// <summary>
    /// Two requests adding rows that may not both exist (a second open candidacy, an overlapping
    /// pairing or shadowing period) both pass the domain's check, since neither sees the other's
    /// row before it commits. Called after <paramref name="added"/> is saved, with the rows that
    /// conflict with it (itself included): the one with the lowest id stands, a later one is
    /// removed again, with <paramref name="retraction"/> (given the standing row's id) audited.
    /// </summary>
    /// <returns>True when <paramref name="added"/> stands.</returns>
    public static async Task<bool> KeepEarliestAsync<T>(
        this TrainingDbContext db, T added, IQueryable<T> conflicting, Func<int, AuditEntry>? retraction, CancellationToken ct)
        where T : class
    {
        var id = db.Entry(added).Property<int>("Id").CurrentValue;
        var first = await conflicting.AsNoTracking().Select(e => EF.Property<int>(e, "Id")).OrderBy(x => x).FirstAsync(ct);
        if (first == id) return true;
        try
        {
            await TakeBackAsync(added);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone acted on the later row in the moment it stood (a township selecting it from its list, the village
            // withdrawing it): it is still the later of two that may not both exist, so it goes as it stands now, or
            // is gone already (the load benchmark's mixed scenario met this as a 500).
            db.ChangeTracker.Clear();
            await TakeBackAsync(await db.Set<T>().FindAsync([id], ct));
        }
        return false;

        async Task TakeBackAsync(T? row)
        {
            if (row is not null) db.Remove(row);
            if (retraction is not null) db.Audit.Add(retraction(first));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Saves; false when another request changed the same row first (nothing is left tracked then).</summary>
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
        catch (DbUpdateException)
        {
            // The other request's rows can break a constraint before our version check is reached: two saves of a
            // class's attendance both reverse the same 学时 entry, and the second insert fails on the unique reversal
            // before the class's UPDATE would have found its version changed. Someone changed it first all the same.
            if (!await ChangedMeanwhileAsync(db, ct)) throw;
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Whether a versioned record the save changes or deletes has another version in the database now.</summary>
    private static async Task<bool> ChangedMeanwhileAsync(TrainingDbContext db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<IVersioned>().Where(e => e.State is EntityState.Modified or EntityState.Deleted).ToList())
        {
            var now = await entry.GetDatabaseValuesAsync(ct);
            if (now is null || !Equals(now[nameof(IVersioned.Version)], entry.Property(nameof(IVersioned.Version)).OriginalValue)) return true;
        }
        return false;
    }
}
