using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class MentorEvaluationConfiguration : IEntityTypeConfiguration<MentorEvaluation>
{
    public void Configure(EntityTypeBuilder<MentorEvaluation> b)
    {
        b.Property(x => x.Text).HasMaxLength(RecordTextLimits.Text);
        b.Property(x => x.Actor).HasMaxLength(256);
        b.HasIndex(x => new { x.PairId, x.On });
    }
}
