using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.ToTable("Notices");
        b.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Title).HasMaxLength(Notice.MaxTitle);
        b.Property(x => x.Body).HasMaxLength(Notice.MaxBody);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        // Readers list the published notices of a few units, pinned first, newest first.
        b.HasIndex(x => new { x.State, x.OwnerId, x.PublishedAt });
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class NoticeAttachmentConfiguration : IEntityTypeConfiguration<NoticeAttachment>
{
    public void Configure(EntityTypeBuilder<NoticeAttachment> b)
    {
        b.ToTable("NoticeAttachments");
        b.Property(x => x.FileName).HasMaxLength(NoticeAttachment.MaxFileName);
        b.Property(x => x.StoredName).HasMaxLength(64);
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> b)
    {
        b.ToTable("SentReminders");
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Assignment>().WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        // The guarantee that a reminder is sent once, whatever runs the job and however often.
        b.HasIndex(x => new { x.AssignmentId, x.Kind, x.PersonId }).IsUnique();
    }
}
