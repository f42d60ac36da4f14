using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class ShadowingConfiguration : IEntityTypeConfiguration<Shadowing>
{
    public void Configure(EntityTypeBuilder<Shadowing> b)
    {
        b.ToTable("Shadowings");
        b.HasOne(x => x.Reserve).WithMany().HasForeignKey(x => x.ReserveId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Township).WithMany().HasForeignKey(x => x.TownshipId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Department).HasMaxLength(Shadowing.MaxDepartment);
        b.Property(x => x.Evaluation).HasMaxLength(RecordTextLimits.Text);
        b.Property(x => x.EvaluatedBy).HasMaxLength(256);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ReserveId, x.StartOn });
        b.HasIndex(x => new { x.TownshipId, x.StartOn });
    }
}
