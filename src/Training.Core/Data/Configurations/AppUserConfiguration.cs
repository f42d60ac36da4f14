using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Data.Personal;
using Training.Core.Identity;

namespace Training.Core.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(100);
        b.Property(x => x.Role).HasMaxLength(32);
        b.Property(x => x.PhoneNumber).IsEncrypted();
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        // One account per person. Staff accounts have no person: SQL Server's convention filters
        // the NULLs out ([PersonId] IS NOT NULL), else it would allow a single staff account;
        // SQLite's unique indexes allow many NULLs anyway.
        b.HasIndex(x => x.PersonId).IsUnique();
        b.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}
