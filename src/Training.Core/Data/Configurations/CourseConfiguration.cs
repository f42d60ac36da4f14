using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.ToTable("Courses");
        b.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Title).HasMaxLength(Course.MaxTitle);
        b.Property(x => x.Description).HasMaxLength(RecordTextLimits.Text);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Hours);
        b.HasIndex(x => new { x.OwnerId, x.State });
        b.HasMany(x => x.Lessons).WithOne(x => x.Course).HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Lessons).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
