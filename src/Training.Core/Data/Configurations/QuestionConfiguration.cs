using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.ToTable("Questions");
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Stem).HasMaxLength(Question.MaxStem);
        b.Property(x => x.Explanation).HasMaxLength(Question.MaxExplanation);
        // Options and the right answers are small lists kept with the question (a JSON array each).
        b.PrimitiveCollection(x => x.Options);
        b.PrimitiveCollection(x => x.Correct);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.CourseId);
    }
}
