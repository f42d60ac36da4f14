using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class OfflineStudyRecordConfiguration : IEntityTypeConfiguration<OfflineStudyRecord>
{
    public void Configure(EntityTypeBuilder<OfflineStudyRecord> b)
    {
        b.ToTable("OfflineStudyRecords");
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ImportRun>().WithMany().HasForeignKey(x => x.ImportRunId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Hours).HasPrecision(6, 2);
        b.Property(x => x.Title).HasMaxLength(OfflineStudyRecord.TitleMax);
        b.Property(x => x.Organizer).HasMaxLength(OfflineStudyRecord.OrganizerMax);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        // The import's key (身份证号 + 日期 + 培训名称): a row already imported is never recorded twice,
        // even by two imports at the same moment.
        b.HasIndex(x => new { x.PersonId, x.On, x.Title }).IsUnique();
        b.HasIndex(x => x.ImportRunId);
    }
}
