using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> b)
    {
        b.ToTable("Lessons");
        b.Property(x => x.Title).HasMaxLength(Lesson.MaxTitle);
        b.Property(x => x.Body).HasMaxLength(Lesson.MaxBody);
        b.Property(x => x.MediaName).HasMaxLength(64);
        b.Property(x => x.Url).HasMaxLength(Lesson.MaxUrl);
        b.Ignore(x => x.Hours);
        b.Ignore(x => x.IsRead);
        b.Ignore(x => x.Rules);
        // Not unique: reordering swaps numbers within one save.
        b.HasIndex(x => new { x.CourseId, x.Order });
    }
}
