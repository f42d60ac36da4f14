using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class CorrectionRequestConfiguration : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> b)
    {
        b.Property(x => x.Text).HasMaxLength(CorrectionRequest.MaxText);
        b.Property(x => x.Reply).HasMaxLength(CorrectionRequest.MaxText);
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.HandledBy).HasMaxLength(256);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.PersonId, x.RequestedAt });
        b.HasIndex(x => new { x.State, x.RequestedAt });
    }
}
