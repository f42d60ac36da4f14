using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;
using Training.Core.Identity;

namespace Training.Core.Data.Configurations;

internal sealed class PasswordRequestConfiguration : IEntityTypeConfiguration<PasswordRequest>
{
    public void Configure(EntityTypeBuilder<PasswordRequest> b)
    {
        b.Property(x => x.TokenHash).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.CodeHash).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.Source).HasMaxLength(45).IsUnicode(false); // the longest IPv6 text
        b.Property(x => x.ConfirmedBy).HasMaxLength(256);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.UserId, x.ExpiresAt });
        b.HasIndex(x => new { x.Source, x.RequestedAt });
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
