using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class ClassRequiredQuizConfiguration : IEntityTypeConfiguration<ClassRequiredQuiz>
{
    public void Configure(EntityTypeBuilder<ClassRequiredQuiz> b)
    {
        b.ToTable("ClassRequiredQuizzes");
        b.HasIndex(x => new { x.ClassId, x.LessonId }).IsUnique();
        b.HasOne(x => x.Lesson).WithMany().HasForeignKey(x => x.LessonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.LessonId);
    }
}
