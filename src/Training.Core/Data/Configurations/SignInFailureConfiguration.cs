using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> b)
    {
        b.Property(x => x.AccountKey).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.Source).HasMaxLength(45).IsUnicode(false); // the longest IPv6 text
        b.HasIndex(x => new { x.AccountKey, x.Source, x.At });
        b.HasIndex(x => new { x.Source, x.At });
    }
}
