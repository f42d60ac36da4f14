using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class MentorPairConfiguration : IEntityTypeConfiguration<MentorPair>
{
    public void Configure(EntityTypeBuilder<MentorPair> b)
    {
        b.HasOne(x => x.Reserve).WithMany().HasForeignKey(x => x.ReserveId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Mentor).WithMany().HasForeignKey(x => x.MentorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Goals).HasMaxLength(RecordTextLimits.Text);
        b.Property(x => x.EndReason).HasMaxLength(RecordTextLimits.Text);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ReserveId, x.StartOn });
        b.HasIndex(x => x.MentorId);
        b.HasIndex(x => new { x.EndOn, x.LastEvaluatedOn });
        b.HasMany(x => x.Evaluations).WithOne().HasForeignKey(x => x.PairId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Evaluations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
