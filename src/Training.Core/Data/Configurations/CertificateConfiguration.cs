using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.HasOne(x => x.Class).WithMany().HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Issuer).WithMany().HasForeignKey(x => x.IssuerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Number).HasMaxLength(Certificate.MaxNumber);
        b.Property(x => x.Code).HasMaxLength(Certificate.CodeLength).IsUnicode(false);
        b.Property(x => x.Hours).HasPrecision(6, 2);
        b.Property(x => x.IssuedBy).HasMaxLength(256);
        b.Property(x => x.RevokedBy).HasMaxLength(256);
        b.Property(x => x.RevokeReason).HasMaxLength(Certificate.MaxReason);
        b.Ignore(x => x.IsRevoked);
        // One certificate per class and person, even when two nodes issue at the same moment.
        b.HasIndex(x => new { x.ClassId, x.PersonId }).IsUnique();
        // The number is unique per issuing unit and year: a node that loses the race for a sequence takes the next.
        b.HasIndex(x => new { x.IssuerId, x.Year, x.Sequence }).IsUnique();
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.PersonId);
    }
}
