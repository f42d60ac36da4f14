using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class NoticeAttachmentConfiguration : IEntityTypeConfiguration<NoticeAttachment>
{
    public void Configure(EntityTypeBuilder<NoticeAttachment> b)
    {
        b.ToTable("NoticeAttachments");
        b.Property(x => x.FileName).HasMaxLength(NoticeAttachment.MaxFileName);
        b.Property(x => x.StoredName).HasMaxLength(64);
    }
}
