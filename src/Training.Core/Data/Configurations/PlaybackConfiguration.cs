using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class PlaybackConfiguration : IEntityTypeConfiguration<Playback>
{
    public void Configure(EntityTypeBuilder<Playback> b)
    {
        b.ToTable("Playbacks");
        b.Property(x => x.PublicId).HasMaxLength(32).IsUnicode(false);
        b.HasIndex(x => x.PublicId).IsUnique();
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lesson>().WithMany().HasForeignKey(x => x.LessonId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Beats).IsConcurrencyToken();
        // The heartbeat asks whether a newer playback of the learner exists: one seek on this index.
        b.HasIndex(x => new { x.PersonId, x.Id });
    }
}
