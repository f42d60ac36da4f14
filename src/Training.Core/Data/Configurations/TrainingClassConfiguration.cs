using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class TrainingClassConfiguration : IEntityTypeConfiguration<TrainingClass>
{
    public void Configure(EntityTypeBuilder<TrainingClass> b)
    {
        b.ToTable("TrainingClasses");
        b.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Name).HasMaxLength(TrainingClass.MaxName);
        b.Property(x => x.Description).HasMaxLength(RecordTextLimits.Text);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.AudienceText);
        b.HasIndex(x => new { x.OwnerId, x.StartOn });
        b.HasMany(x => x.Sessions).WithOne(x => x.Class).HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Sessions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.Participants).WithOne(x => x.Class).HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Property(x => x.RequiredHours).HasPrecision(6, 2);
        b.Property(x => x.ElectiveHours).HasPrecision(6, 2);
        b.HasMany(x => x.RequiredCourses).WithOne(x => x.Class).HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.RequiredCourses).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.RequiredQuizzes).WithOne(x => x.Class).HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.RequiredQuizzes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
