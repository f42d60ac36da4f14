using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class ClassSessionConfiguration : IEntityTypeConfiguration<ClassSession>
{
    public void Configure(EntityTypeBuilder<ClassSession> b)
    {
        b.Property(x => x.Title).HasMaxLength(TrainingClass.MaxName);
        b.Ignore(x => x.Hours);
        b.HasIndex(x => new { x.ClassId, x.On });
        b.HasMany(x => x.Attendance).WithOne(x => x.Session).HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Attendance).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
