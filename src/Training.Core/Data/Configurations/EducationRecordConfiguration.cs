using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class EducationRecordConfiguration : IEntityTypeConfiguration<EducationRecord>
{
    public void Configure(EntityTypeBuilder<EducationRecord> b)
    {
        b.Property(x => x.Note).HasMaxLength(200);
        b.HasIndex(x => new { x.PersonId, x.Source, x.EffectiveOn });
    }
}
