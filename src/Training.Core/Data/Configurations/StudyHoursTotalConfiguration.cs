using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class StudyHoursTotalConfiguration : IEntityTypeConfiguration<StudyHoursTotal>
{
    public void Configure(EntityTypeBuilder<StudyHoursTotal> b)
    {
        b.ToTable(LedgerTotals.Table);
        // Year first: a report reads one year for many persons; the ledger's upsert finds its row by the whole key.
        b.HasKey(x => new { x.Year, x.PersonId, x.Month });
        b.HasIndex(x => x.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
