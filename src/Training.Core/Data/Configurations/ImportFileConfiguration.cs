using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> b)
    {
        b.HasKey(x => x.ImportRunId);
        b.HasOne<ImportRun>().WithOne().HasForeignKey<ImportFile>(x => x.ImportRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
