using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

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
