using Microsoft.EntityFrameworkCore;

namespace Training.Core.Data;

/// <summary>
/// SaveChanges keeps <see cref="Domain.StudyHoursTotal"/> with the 学时 ledger: the entries being added
/// and their totals are written in one transaction (the caller's when it has one), see <see cref="LedgerTotals"/>.
/// </summary>
public partial class TrainingDbContext
{
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var deltas = LedgerTotals.Added(ChangeTracker);
        if (deltas.Count == 0) return base.SaveChanges(acceptAllChangesOnSuccess);
        if (Database.CurrentTransaction is not null)
        {
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            LedgerTotals.Apply(this, deltas);
            return saved;
        }
        return Database.CreateExecutionStrategy().Execute(() =>
        {
            using var tx = Database.BeginTransaction();
            var saved = base.SaveChanges(acceptAllChangesOnSuccess: false);
            LedgerTotals.Apply(this, deltas);
            tx.Commit();
            if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
            return saved;
        });
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var deltas = LedgerTotals.Added(ChangeTracker);
        if (deltas.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await LedgerTotals.ApplyAsync(this, deltas, cancellationToken);
            return saved;
        }
        return await Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await Database.BeginTransactionAsync(cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await LedgerTotals.ApplyAsync(this, deltas, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
            return saved;
        });
    }
}
