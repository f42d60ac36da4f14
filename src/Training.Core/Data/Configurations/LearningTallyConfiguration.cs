using System.Globalization;
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
        // The write-back of figures is refused when a save raised the version after the report read it.
        b.Property(x => x.Version).IsConcurrencyToken();
        // Twelve sums, read and written whole: one text column ("0,150,…") rather than twelve.
        b.Property(x => x.MonthsCenti).HasMaxLength(300).HasConversion(
            v => string.Join(',', v.Select(m => m.ToString(CultureInfo.InvariantCulture))),
            v => v.Split(',', StringSplitOptions.None).Select(m => long.Parse(m, CultureInfo.InvariantCulture)).ToArray(),
            new ValueComparer<long[]>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(17, (h, m) => HashCode.Combine(h, m)), v => v.ToArray()));
    }
}
