using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class ReserveCandidateConfiguration : IEntityTypeConfiguration<ReserveCandidate>
{
    public void Configure(EntityTypeBuilder<ReserveCandidate> b)
    {
        b.ToTable("Reserves");
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Village).WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.PersonId, x.Target });
        b.HasIndex(x => new { x.VillageId, x.State });
        b.HasMany(x => x.Transitions).WithOne().HasForeignKey(x => x.ReserveId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Transitions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
