using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class LearningTallyConfiguration : IEntityTypeConfiguration<LearningTally>
{
    public void Configure(EntityTypeBuilder<LearningTally> b)
    {
        b.ToTable(LearningTallyStamps.Table);
        // Year first: a report reads one year's rows for the units under one path.
        b.HasKey(x => new { x.Year, x.UnitId });
        b.HasIndex(x => x.UnitId);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
        // The report writes figures back by SQL, only where the version is still the one it read; an update through
        // EF (none today) would be held to the same rule by the token.
        b.Property(x => x.Version).IsConcurrencyToken();
        // Twelve sums, read and written whole: one text column ("0,150,…") rather than twelve.
        b.Property(x => x.MonthsCenti).HasMaxLength(300).HasConversion(
            v => LearningTally.MonthsText(v),
            v => LearningTally.MonthsFrom(v),
            new ValueComparer<long[]>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(17, (h, m) => HashCode.Combine(h, m)), v => v.ToArray()));
    }
}
