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

internal sealed class MentorEvaluationConfiguration : IEntityTypeConfiguration<MentorEvaluation>
{
    public void Configure(EntityTypeBuilder<MentorEvaluation> b)
    {
        b.Property(x => x.Text).HasMaxLength(RecordTextLimits.Text);
        b.Property(x => x.Actor).HasMaxLength(256);
        b.HasIndex(x => new { x.PairId, x.On });
    }
}

internal sealed class ShadowingConfiguration : IEntityTypeConfiguration<Shadowing>
{
    public void Configure(EntityTypeBuilder<Shadowing> b)
    {
        b.ToTable("Shadowings");
        b.HasOne(x => x.Reserve).WithMany().HasForeignKey(x => x.ReserveId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Township).WithMany().HasForeignKey(x => x.TownshipId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Department).HasMaxLength(Shadowing.MaxDepartment);
        b.Property(x => x.Evaluation).HasMaxLength(RecordTextLimits.Text);
        b.Property(x => x.EvaluatedBy).HasMaxLength(256);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ReserveId, x.StartOn });
        b.HasIndex(x => new { x.TownshipId, x.StartOn });
    }
}

internal sealed class TrainingClassConfiguration : IEntityTypeConfiguration<TrainingClass>
{
    public void Configure(EntityTypeBuilder<TrainingClass> b)
    {
        b.ToTable("TrainingClasses");
        b.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Name).HasMaxLength(TrainingClass.MaxName);
        b.Property(x => x.Description).HasMaxLength(RecordTextLimits.Text);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.AudienceText);
        b.HasIndex(x => new { x.OwnerId, x.StartOn });
        b.HasMany(x => x.Sessions).WithOne(x => x.Class).HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Sessions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.Participants).WithOne(x => x.Class).HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ClassSessionConfiguration : IEntityTypeConfiguration<ClassSession>
{
    public void Configure(EntityTypeBuilder<ClassSession> b)
    {
        b.Property(x => x.Title).HasMaxLength(TrainingClass.MaxName);
        b.HasIndex(x => new { x.ClassId, x.On });
        b.HasMany(x => x.Attendance).WithOne(x => x.Session).HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Attendance).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ClassParticipantConfiguration : IEntityTypeConfiguration<ClassParticipant>
{
    public void Configure(EntityTypeBuilder<ClassParticipant> b)
    {
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.EnrolledBy).HasMaxLength(256);
        b.HasIndex(x => new { x.ClassId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.PersonId);
    }
}

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

internal static class RecordTextLimits
{
    public const int Text = 1000;
}
