using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class ReserveTransitionConfiguration : IEntityTypeConfiguration<ReserveTransition>
{
    public void Configure(EntityTypeBuilder<ReserveTransition> b)
    {
        b.Property(x => x.Actor).HasMaxLength(256);
        b.Property(x => x.Comment).HasMaxLength(500);
        b.HasIndex(x => new { x.ReserveId, x.At });
    }
}
