using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> b)
    {
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.Property(x => x.Stage).HasMaxLength(50);
        b.Property(x => x.Message).HasMaxLength(1000);
        b.HasIndex(x => new { x.Kind, x.CreatedAt });
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
