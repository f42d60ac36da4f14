using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class StudyTargetConfiguration : IEntityTypeConfiguration<StudyTarget>
{
    public void Configure(EntityTypeBuilder<StudyTarget> b)
    {
        b.ToTable("StudyTargets");
        b.Property(x => x.Hours).HasPrecision(6, 2);
        b.Property(x => x.RequiredHours).HasPrecision(6, 2);
        b.HasIndex(x => new { x.Year, x.Category }).IsUnique();
    }
}
