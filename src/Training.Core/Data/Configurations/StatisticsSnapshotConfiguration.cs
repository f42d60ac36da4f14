using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class StatisticsSnapshotConfiguration : IEntityTypeConfiguration<StatisticsSnapshot>
{
    public void Configure(EntityTypeBuilder<StatisticsSnapshot> b)
    {
        // One snapshot per date: a second run replaces the first, and two racing runs cannot both commit.
        b.HasIndex(x => x.AsOf).IsUnique();
        b.Property(x => x.Trigger).HasMaxLength(100);
        b.HasMany(x => x.Figures).WithOne().HasForeignKey(x => x.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Figures).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
