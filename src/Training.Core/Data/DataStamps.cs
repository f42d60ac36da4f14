using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Training.Core.Domain;

namespace Training.Core.Data;

/// <summary>
/// Raises the <see cref="DataStamp"/> of every kind of record a save adds, changes or deletes, in the save's
/// transaction (called by SaveChanges), and reads them all for a memo to check its figures against.
/// Writers that bypass SaveChanges (the bulk writer of imports and the demo) raise the stamps of what they write.
/// </summary>
public static class DataStamps
{
    public const string Table = "DataStamps";

    /// <summary>
    /// Records nothing kept in memory depends on, changed many times a minute (a heartbeat's progress, the audit,
    /// a job's percentage, the learning aggregates the report keeps itself): stamping them would make every
    /// such save wait on a stamp row.
    /// </summary>
    private static readonly HashSet<Type> Untracked =
    [
        typeof(Playback), typeof(AuditEntry), typeof(ImportRun), typeof(ImportFile), typeof(ExportRun),
        typeof(DataProtectionKey), typeof(LearningTally), typeof(StudyHoursTotal), typeof(DataStamp), typeof(SignInFailure),
    ];

    /// <summary>The subjects a save changes, read from the change tracker before it.</summary>
    public static IReadOnlyCollection<string> Changed(ChangeTracker tracker)
    {
        HashSet<string>? subjects = null;
        foreach (var e in tracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var type = e.Metadata.ClrType;
            if (Untracked.Contains(type) || e.Metadata.IsOwned()) continue;
            // A lesson's progress changes with every heartbeat; what is counted of it is whether a person has
            // started (credited seconds or completed) and whether it is completed: stamped when either turns, not on each beat.
            if (type == typeof(LessonProgress) && !StartsOrCompletes(e)) continue;
            (subjects ??= []).Add(SubjectOf(type));
            if (DataFacets.Of(e) is { } facet) subjects.Add(facet);
        }
        return subjects ?? (IReadOnlyCollection<string>)[];
    }

    public static string SubjectOf(Type type) => type.Name;

    public static string[] SubjectsOf(params Type[] types) => Array.ConvertAll(types, SubjectOf);

    private static bool StartsOrCompletes(EntityEntry e)
    {
        if (e.State == EntityState.Deleted) return true;
        var credited = e.Property(nameof(LessonProgress.CreditedSeconds));
        var completed = e.Property(nameof(LessonProgress.CompletedAt));
        var added = e.State == EntityState.Added;
        var startedNow = (double)credited.CurrentValue! > 0 || completed.CurrentValue is not null;
        var startedBefore = !added && ((double)credited.OriginalValue! > 0 || completed.OriginalValue is not null);
        var completedBefore = !added && completed.OriginalValue is not null;
        return startedNow != startedBefore || (completed.CurrentValue is not null) != completedBefore;
    }

    /// <summary>Whether saves of <paramref name="type"/> raise a stamp.</summary>
    public static bool Tracks(Type type) => !Untracked.Contains(type);

    public static void Raise(DbContext db, IReadOnlyCollection<string> subjects)
    {
        foreach (var subject in subjects) db.Database.ExecuteSqlRaw(RaiseSql(LedgerTotals.IsSqlite(db), "{0}"), subject);
    }

    public static async Task RaiseAsync(DbContext db, IReadOnlyCollection<string> subjects, CancellationToken ct)
    {
        foreach (var subject in subjects) await db.Database.ExecuteSqlRawAsync(RaiseSql(LedgerTotals.IsSqlite(db), "{0}"), [subject], ct);
    }

    /// <summary>The same on a writer's own connection and transaction (the bulk writer), the subject as <c>@subject</c>.</summary>
    public static async Task RaiseAsync(DbContext db, System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction,
        IReadOnlyCollection<string> subjects, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = RaiseSql(LedgerTotals.IsSqlite(db), "@subject");
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@subject";
        command.Parameters.Add(parameter);
        foreach (var subject in subjects)
        {
            parameter.Value = subject;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>One subject's stamp up by one, its row made on its first save (<paramref name="subject"/>: how the statement names the subject).</summary>
    internal static string RaiseSql(bool sqlite, string subject) => sqlite
        ? $"""
          INSERT INTO "DataStamps" ("Subject", "Version") VALUES ({subject}, 1)
          ON CONFLICT ("Subject") DO UPDATE SET "Version" = "Version" + 1
          """
        : $"""
          UPDATE [DataStamps] WITH (UPDLOCK, HOLDLOCK) SET [Version] = [Version] + 1 WHERE [Subject] = {subject};
          IF @@ROWCOUNT = 0 INSERT INTO [DataStamps] ([Subject], [Version]) VALUES ({subject}, 1);
          """;

    /// <summary>Every subject's stamp (a few dozen rows); a subject never saved is absent (0).</summary>
    public static async Task<Dictionary<string, long>> ReadAsync(TrainingDbContext db, CancellationToken ct)
    {
        var stamps = new Dictionary<string, long>();
        await foreach (var s in All(db).WithCancellation(ct)) stamps[s.Subject] = s.Version;
        return stamps;
    }

    /// <summary>
    /// Compiled once: read on nearly every request (the kept figures, the sign-in check), where EF's per-query work
    /// (the expression's parameters and cache key) cost more than SQLite's read of a few dozen rows.
    /// </summary>
    private static readonly Func<TrainingDbContext, IAsyncEnumerable<DataStamp>> All =
        EF.CompileAsyncQuery((TrainingDbContext db) => db.DataStamps.AsNoTracking());
}
