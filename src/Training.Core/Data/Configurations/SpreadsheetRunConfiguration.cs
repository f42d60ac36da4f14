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
    }
}

internal sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> b)
    {
        b.HasKey(x => x.ImportRunId);
        b.HasOne<ImportRun>().WithOne().HasForeignKey<ImportFile>(x => x.ImportRunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExportRunConfiguration : IEntityTypeConfiguration<ExportRun>
{
    public void Configure(EntityTypeBuilder<ExportRun> b)
    {
        b.Property(x => x.ScopeLabel).HasMaxLength(200);
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.DownloadName).HasMaxLength(200);
        b.Property(x => x.StoredName).HasMaxLength(100);
        b.Property(x => x.Message).HasMaxLength(1000);
        b.HasIndex(x => new { x.RequestedBy, x.CreatedAt });
        b.HasIndex(x => new { x.Expired, x.ExpiresAt });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
