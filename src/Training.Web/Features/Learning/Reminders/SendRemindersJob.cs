using System.Data.Common;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Assignments;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Learning.Reminders;

/// <summary>
/// The daily learning reminders inside the portal (LEARNING.md §8): for each assignment in force, each of
/// its members (asked of <see cref="AssignmentMembers"/> for the day, never stored) who has not completed
/// the course (a standing ledger entry of it, as the assignment's page counts) is told once that the
/// course is assigned, once seven days before the deadline and once when it passed. Only the latest
/// reminder due is sent: someone who joins a week before the deadline hears it is due soon, not also that
/// it is new (the skipped kind is recorded as sent, so it never comes late).
/// <para>
/// Set-based: one query per assignment finds whom to tell. Never twice: the key (person, assignment,
/// kind) is unique in the database and stored with the message in one transaction, so a rerun, a second
/// node running at the same time or a run cut short sends nothing again; a batch that meets a key another
/// run stored first is rolled back whole and the assignment asked again.
/// </para>
/// </summary>
public sealed class SendRemindersJob(TrainingDbContext db, TimeProvider clock)
{
    public const string RecurringId = "learning-reminders";
    /// <summary>08:00 Guangzhou time, when a cadre's day starts.</summary>
    public const string DailyCron = "0 8 * * *";
    public const int DaysBeforeDeadline = 7;
    /// <summary>A deadline longer gone than this is news to nobody: no overdue reminder is started for it (the first run does not flood).</summary>
    public const int OverdueForDays = 90;
    /// <summary>Messages stored per transaction.</summary>
    public const int BatchSize = 2000;
    private const int Attempts = 5;

    /// <summary>Hangfire's entry point.</summary>
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RunAsync(CancellationToken ct) => SendAsync(ct);

    /// <summary>Sends today's reminders; returns how many were sent.</summary>
    public async Task<int> SendAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var since = today.AddDays(-OverdueForDays);
        var ids = await db.Assignments.AsNoTracking()
            .Where(a => !a.Cancelled && a.StartOn <= today && a.DueOn >= since && a.Course.State == CourseState.Published)
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var id in ids) sent += await SendForAsync(id, today, ct);
        return sent;
    }

    /// <summary>The reminder an assignment's members are due on <paramref name="today"/>.</summary>
    public static ReminderKind KindOn(Assignment a, DateOnly today) =>
        today > a.DueOn ? ReminderKind.Overdue
        : today >= a.DueOn.AddDays(-DaysBeforeDeadline) ? ReminderKind.DueSoon
        : ReminderKind.NewAssignment;

    private async Task<int> SendForAsync(int assignmentId, DateOnly today, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var a = await db.Assignments.AsNoTracking().Include(x => x.Unit).Include(x => x.Course).SingleAsync(x => x.Id == assignmentId, ct);
            var kind = KindOn(a, today);
            var keys = db.SentReminders.Where(r => r.AssignmentId == a.Id);
            var completed = StudyLedgerEntry.Standing(db.StudyLedger).Where(e => e.Source == StudySource.OnlineCourse && e.SourceId == a.CourseId);
            var members = await AssignmentMembers.Of(db, a, today)
                .Where(p => !completed.Any(e => e.PersonId == p.Id) && !keys.Any(r => r.PersonId == p.Id && r.Kind == kind))
                .Select(p => new
                {
                    p.Id,
                    HadNew = keys.Any(r => r.PersonId == p.Id && r.Kind == ReminderKind.NewAssignment),
                    HadDueSoon = keys.Any(r => r.PersonId == p.Id && r.Kind == ReminderKind.DueSoon),
                })
                .OrderBy(p => p.Id)
                .ToListAsync(ct);
            if (members.Count == 0) return 0;

            var text = ReminderTexts.For(kind, a.Course.Title, a.Required, a.DueOn, today);
            var now = clock.UtcNow();
            try
            {
                foreach (var batch in members.Chunk(BatchSize))
                {
                    var sentKeys = new List<SentReminder>();
                    foreach (var m in batch)
                    {
                        sentKeys.Add(new SentReminder(m.Id, a.Id, kind, now));
                        if (kind > ReminderKind.NewAssignment && !m.HadNew) sentKeys.Add(new SentReminder(m.Id, a.Id, ReminderKind.NewAssignment, now));
                        if (kind > ReminderKind.DueSoon && !m.HadDueSoon) sentKeys.Add(new SentReminder(m.Id, a.Id, ReminderKind.DueSoon, now));
                    }
                    var messages = batch.Select(m => Notification.AboutCourse(m.Id, a.CourseId, text, now)).ToList();
                    await StoreAsync(sentKeys, messages, ct);
                }
                return members.Count;
            }
            catch (DbException) when (attempt < Attempts)
            {
                // Another run stored some of these keys first: its messages stand, this batch was rolled back whole; ask again.
            }
        }
    }

    /// <summary>
    /// The keys first (a key another run stored stops the batch before any message is written), then the messages,
    /// in one transaction, by the bulk writer: EF's tracked inserts took 20 s for the demo's 80,000 reminders.
    /// </summary>
    private async Task StoreAsync(List<SentReminder> keys, List<Notification> messages, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using (var writer = new BulkWriter(db, tx.GetDbTransaction()))
            {
                await writer.InsertAsync(keys, ct);
                await writer.InsertAsync(messages, ct);
            }
            await tx.CommitAsync(ct);
        });
    }

    public static void RegisterDaily(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<SendRemindersJob>(RecurringId, j => j.RunAsync(CancellationToken.None), DailyCron,
            new RecurringJobOptions { TimeZone = ChinaTime.Zone });
}
