using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data.Personal;
using Training.Core.Domain;
using Training.Core.Identity;

namespace Training.Core.Data;

public partial class TrainingDbContext(DbContextOptions<TrainingDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<EducationRecord> EducationRecords => Set<EducationRecord>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<StudyProgram> Programs => Set<StudyProgram>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<DistrictQuota> DistrictQuotas => Set<DistrictQuota>();
    public DbSet<FeeSchedule> FeeSchedules => Set<FeeSchedule>();
    public DbSet<Enrollment> Enrollments => Set<Enrollment>();
    public DbSet<EnrollmentTransition> EnrollmentTransitions => Set<EnrollmentTransition>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ReserveCandidate> Reserves => Set<ReserveCandidate>();
    public DbSet<ReserveTransition> ReserveTransitions => Set<ReserveTransition>();
    public DbSet<MentorPair> MentorPairs => Set<MentorPair>();
    public DbSet<MentorEvaluation> MentorEvaluations => Set<MentorEvaluation>();
    public DbSet<Shadowing> Shadowings => Set<Shadowing>();
    public DbSet<TrainingClass> TrainingClasses => Set<TrainingClass>();
    public DbSet<ClassSession> ClassSessions => Set<ClassSession>();
    public DbSet<ClassParticipant> ClassParticipants => Set<ClassParticipant>();
    public DbSet<SessionAttendance> SessionAttendance => Set<SessionAttendance>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<PasswordRequest> PasswordRequests => Set<PasswordRequest>();
    public DbSet<CorrectionRequest> CorrectionRequests => Set<CorrectionRequest>();
    public DbSet<StatisticsSnapshot> StatisticsSnapshots => Set<StatisticsSnapshot>();
    public DbSet<SnapshotFigure> SnapshotFigures => Set<SnapshotFigure>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportFile> ImportFiles => Set<ImportFile>();
    public DbSet<ExportRun> ExportRuns => Set<ExportRun>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<Lesson> Lessons => Set<Lesson>();
    public DbSet<Playback> Playbacks => Set<Playback>();
    public DbSet<LessonProgress> LessonProgress => Set<LessonProgress>();
    public DbSet<StudyLedgerEntry> StudyLedger => Set<StudyLedgerEntry>();
    public DbSet<StudyTarget> StudyTargets => Set<StudyTarget>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuizAttempt> QuizAttempts => Set<QuizAttempt>();
    public DbSet<OfflineStudyRecord> OfflineStudy => Set<OfflineStudyRecord>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeAttachment> NoticeAttachments => Set<NoticeAttachment>();
    public DbSet<SentReminder> SentReminders => Set<SentReminder>();
    public DbSet<StudyHoursTotal> StudyHoursTotals => Set<StudyHoursTotal>();
    public DbSet<LearningTally> LearningTallies => Set<LearningTally>();
    public DbSet<DataStamp> DataStamps => Set<DataStamp>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TrainingDbContext).Assembly);
        PersonalDataColumns.Convert(builder, PersonalDataOptions.CipherOf(options));
    }
}
