using Microsoft.EntityFrameworkCore;

namespace Training.Core.Data;

/// <summary>
/// SaveChanges keeps the learning aggregates with the data, in one transaction (the caller's when it has
/// one): the 学时 totals with the ledger entries being added (<see cref="LedgerTotals"/>), and the version
/// of the learning report's cached rows for the units the save touches (<see cref="LearningTallyStamps"/>), and the
/// stamps of the kinds of records it changes, which figures kept in memory are checked against (<see cref="DataStamps"/>).
/// </summary>
public partial class TrainingDbContext
{
    /// <summary>Saves attempted through this context: a reader that keeps what it read of the stamps knows to read them again.</summary>
    public long SavesAttempted { get; private set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        SavesAttempted++;
        var deltas = LedgerTotals.Added(ChangeTracker);
        var touch = LearningTallyStamps.Touched(ChangeTracker);
        var stamps = Data.DataStamps.Changed(ChangeTracker);
        if (deltas.Count == 0 && touch.IsEmpty && stamps.Count == 0) return base.SaveChanges(acceptAllChangesOnSuccess);
        if (Database.CurrentTransaction is not null)
        {
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            Keep(deltas, touch, stamps);
            return saved;
        }
        return Database.CreateExecutionStrategy().Execute(() =>
        {
            using var tx = Database.BeginTransaction();
            var saved = base.SaveChanges(acceptAllChangesOnSuccess: false);
            Keep(deltas, touch, stamps);
            tx.Commit();
            if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
            return saved;
        });
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        SavesAttempted++;
        var deltas = LedgerTotals.Added(ChangeTracker);
        var touch = LearningTallyStamps.Touched(ChangeTracker);
        var stamps = Data.DataStamps.Changed(ChangeTracker);
        if (deltas.Count == 0 && touch.IsEmpty && stamps.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await KeepAsync(deltas, touch, stamps, cancellationToken);
            return saved;
        }
        return await Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await Database.BeginTransactionAsync(cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await KeepAsync(deltas, touch, stamps, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
            return saved;
        });
    }

    private void Keep(IReadOnlyList<LedgerTotals.Delta> deltas, LearningTallyStamps.Touch touch, IReadOnlyCollection<string> stamps)
    {
        LedgerTotals.Apply(this, deltas);
        if (!touch.IsEmpty) LearningTallyStamps.Raise(this, touch);
        Data.DataStamps.Raise(this, stamps);
    }

    private async Task KeepAsync(IReadOnlyList<LedgerTotals.Delta> deltas, LearningTallyStamps.Touch touch, IReadOnlyCollection<string> stamps, CancellationToken ct)
    {
        await LedgerTotals.ApplyAsync(this, deltas, ct);
        if (!touch.IsEmpty) await LearningTallyStamps.RaiseAsync(this, touch, ct);
        await Data.DataStamps.RaiseAsync(this, stamps, ct);
    }
}
