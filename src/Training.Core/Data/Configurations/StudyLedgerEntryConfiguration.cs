using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class StudyLedgerEntryConfiguration : IEntityTypeConfiguration<StudyLedgerEntry>
{
    public void Configure(EntityTypeBuilder<StudyLedgerEntry> b)
    {
        b.ToTable("StudyLedger");
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Hours).HasPrecision(6, 2);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.Reason).HasMaxLength(RecordTextLimits.Text);
        b.Ignore(x => x.IsReversal);
        b.HasIndex(x => new { x.PersonId, x.On });
        // An entry is reversed at most once, even by two staff at the same moment.
        b.HasOne<StudyLedgerEntry>().WithMany().HasForeignKey(x => x.ReversesId).OnDelete(DeleteBehavior.Restrict);
        // Only reversals are indexed: SQLite otherwise answered every "not a reversal" (ReversesId IS NULL, nearly
        // the whole ledger) through this index, scanning the ledger where the person's own entries would do.
        b.HasIndex(x => x.ReversesId).IsUnique().HasFilter("[ReversesId] IS NOT NULL");
        // A completed course enters the ledger once per person (LEARNING.md §5), even when its last two
        // lessons complete in two requests at the same moment. Brackets quote alike in SQLite and SQL Server.
        b.HasIndex(x => new { x.PersonId, x.Source, x.SourceId }).IsUnique()
            .HasFilter($"[SourceId] IS NOT NULL AND [ReversesId] IS NULL AND [Source] = {(int)StudySource.OnlineCourse}")
            .HasDatabaseName("IX_StudyLedger_OneCreditPerCourse");
    }
}
