using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Data.Personal;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(x => x.IdNumber).IsEncrypted(18);
        b.HasIndex(x => x.IdNumber).IsUnique();
        b.Property(x => x.Name).HasMaxLength(50);
        b.HasIndex(x => x.Name);
        b.Property(x => x.Phone).IsEncrypted(11);
        b.HasOne(x => x.Village).WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.VillageId);
        b.HasMany(x => x.Posts).WithOne(x => x.Person).HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Posts).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.EducationHistory).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.EducationHistory).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
