using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class ClassRequiredCourseConfiguration : IEntityTypeConfiguration<ClassRequiredCourse>
{
    public void Configure(EntityTypeBuilder<ClassRequiredCourse> b)
    {
        b.ToTable("ClassRequiredCourses");
        b.HasKey(x => new { x.ClassId, x.CourseId });
        // A course a class requires is not removed from under it (courses are withdrawn, not deleted, once published).
        b.HasOne(x => x.Course).WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.CourseId);
    }
}

internal sealed class ClassRequiredQuizConfiguration : IEntityTypeConfiguration<ClassRequiredQuiz>
{
    public void Configure(EntityTypeBuilder<ClassRequiredQuiz> b)
    {
        b.ToTable("ClassRequiredQuizzes");
        b.HasKey(x => new { x.ClassId, x.LessonId });
        b.HasOne(x => x.Lesson).WithMany().HasForeignKey(x => x.LessonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.LessonId);
    }
}
