using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> b)
    {
        b.ToTable("QuizAttempts");
        b.Property(x => x.PublicId).HasMaxLength(32).IsUnicode(false);
        b.HasIndex(x => x.PublicId).IsUnique();
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lesson>().WithMany().HasForeignKey(x => x.LessonId).OnDelete(DeleteBehavior.Cascade);
        // Two starts at once cannot both become attempt number n.
        b.HasIndex(x => new { x.PersonId, x.LessonId, x.Number }).IsUnique();
        b.OwnsMany(x => x.Items, items =>
        {
            items.ToTable("QuizItems");
            items.WithOwner().HasForeignKey("AttemptId");
            items.HasKey("AttemptId", nameof(QuizItem.Position));
            items.PrimitiveCollection(i => i.OptionOrder);
            items.PrimitiveCollection(i => i.Chosen);
        });
        b.Ignore(x => x.IsSubmitted);
        b.Ignore(x => x.SubmittedLate);
    }
}
