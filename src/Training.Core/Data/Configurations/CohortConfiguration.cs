using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => x.Year).IsUnique();
        b.HasMany(x => x.DistrictQuotas).WithOne().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.DistrictQuotas).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.Fees).WithOne().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Fees).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
