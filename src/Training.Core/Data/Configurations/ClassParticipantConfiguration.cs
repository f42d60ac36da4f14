using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class ClassParticipantConfiguration : IEntityTypeConfiguration<ClassParticipant>
{
    public void Configure(EntityTypeBuilder<ClassParticipant> b)
    {
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.EnrolledBy).HasMaxLength(256);
        b.HasIndex(x => new { x.ClassId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.PersonId);
    }
}
