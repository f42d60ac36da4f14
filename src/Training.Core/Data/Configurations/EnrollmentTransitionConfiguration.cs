using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class EnrollmentTransitionConfiguration : IEntityTypeConfiguration<EnrollmentTransition>
{
    public void Configure(EntityTypeBuilder<EnrollmentTransition> b)
    {
        b.Property(x => x.Actor).HasMaxLength(200);
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.HasIndex(x => new { x.EnrollmentId, x.At });
    }
}
