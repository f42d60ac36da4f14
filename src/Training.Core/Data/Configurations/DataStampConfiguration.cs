using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class DataStampConfiguration : IEntityTypeConfiguration<DataStamp>
{
    public void Configure(EntityTypeBuilder<DataStamp> b)
    {
        b.ToTable(DataStamps.Table);
        b.HasKey(x => x.Subject);
        b.Property(x => x.Subject).HasMaxLength(64).IsUnicode(false);
    }
}
