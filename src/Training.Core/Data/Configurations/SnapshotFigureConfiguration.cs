using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class SnapshotFigureConfiguration : IEntityTypeConfiguration<SnapshotFigure>
{
    public void Configure(EntityTypeBuilder<SnapshotFigure> b)
    {
        b.HasKey(x => new { x.SnapshotId, x.OrgUnitId });
        // Trend charts read one unit across snapshots.
        b.HasIndex(x => new { x.OrgUnitId, x.SnapshotId });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
