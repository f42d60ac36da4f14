using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class DistrictQuotaConfiguration : IEntityTypeConfiguration<DistrictQuota>
{
    public void Configure(EntityTypeBuilder<DistrictQuota> b)
    {
        b.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CohortId, x.DistrictId }).IsUnique();
    }
}
