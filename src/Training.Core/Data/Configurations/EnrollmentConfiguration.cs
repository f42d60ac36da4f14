using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> b)
    {
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Village).WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Cohort).WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Program).WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.CertificateNumber).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.ComplexProperty(x => x.Split, FeeSplitColumns.Map);
        b.HasIndex(x => new { x.PersonId, x.Year, x.Level });
        // One active application or enrollment per person, also against two parallel submits.
        b.HasIndex(x => x.PersonId).IsUnique().HasFilter(EnrollmentStateNames.ActiveStatesSql).HasDatabaseName("IX_Enrollments_OneActivePerPerson");
        b.HasMany(x => x.Transitions).WithOne().HasForeignKey(x => x.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Transitions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.Payments).WithOne().HasForeignKey(x => x.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Payments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(x => new { x.VillageId, x.State });
        b.HasIndex(x => new { x.CohortId, x.State });
    }
}
