using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

internal sealed class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> b)
    {
        b.ToTable("SessionAttendance");
        // Sessions already cascade to attendance; a second cascade path from the class through
        // participants is refused by SQL Server, and a participant is removed with its marks by the domain.
        b.HasOne(x => x.Participant).WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.ClientCascade);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.SessionId, x.ParticipantId }).IsUnique();
        b.HasIndex(x => x.ParticipantId);
    }
}
