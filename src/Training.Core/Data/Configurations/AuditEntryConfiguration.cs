using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("Audit");
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(100);
        b.Property(x => x.Detail).HasMaxLength(2000);
        // The longest text of an IPv6 address.
        b.Property(x => x.Source).HasMaxLength(45);
        b.HasIndex(x => x.At);
        b.Property(x => x.PreviousSeal).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.Seal).HasMaxLength(64).IsUnicode(false);
        b.HasIndex(x => x.ChainIndex).IsUnique();
        // The chain's checks (/Audit/Chain) and any search by one action read only their own entries.
        b.HasIndex(x => new { x.Action, x.At });
        // One account's entries, newest first (我的数据, the auditor's search by user) without reading the whole trail.
        b.HasIndex(x => new { x.UserName, x.Id });
    }
}
