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

internal sealed class DistrictQuotaConfiguration : IEntityTypeConfiguration<DistrictQuota>
{
    public void Configure(EntityTypeBuilder<DistrictQuota> b)
    {
        b.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CohortId, x.DistrictId }).IsUnique();
    }
}

internal sealed class FeeScheduleConfiguration : IEntityTypeConfiguration<FeeSchedule>
{
    public void Configure(EntityTypeBuilder<FeeSchedule> b)
    {
        b.HasOne(x => x.Program).WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CohortId, x.ProgramId }).IsUnique();
        b.ComplexProperty(x => x.Split, FeeSplitColumns.Map);
    }
}
