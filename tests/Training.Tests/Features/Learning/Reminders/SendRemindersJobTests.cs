using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Learning.Reminders;

namespace Training.Tests.Features.Learning.Reminders;

/// <summary>
/// The daily learning reminders: 新学习任务, seven days before the deadline, 已逾期 — each once, whatever the number of
/// runs, days or nodes; none for a course already completed or an assignment cancelled. The clock is moved back from
/// today (assignments dated in the past), so that the demo's own assignments, reminded when seeded, stay as they are.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SendRemindersJobTests(AppFixture app)
{
    private static readonly DateOnly Today = TestPeople.Today;

    private Task<int> RunAsync(DateOnly day) =>
        app.WithDbAsync(db => new SendRemindersJob(db, new FixedClock(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero)))
            .SendAsync(CancellationToken.None));

    /// <summary>A fresh 增城区 cadre, a city course assigned to its village's 两委干部 from <paramref name="startDaysAgo"/> to <paramref name="dueDaysAgo"/>.</summary>
    private async Task<(Trainee Trainee, TestCourse Course, int AssignmentId)> AssignedAsync(int startDaysAgo, int dueDaysAgo)
    {
        var trainee = await app.TraineeAsync();
        var course = await app.CourseAsync();
        var village = await app.WithDbAsync(db => db.Persons.Where(p => p.Id == trainee.PersonId).Select(p => p.Village.Code).SingleAsync());
        var id = await app.AssignAsync(course.Id, village, startOn: Today.AddDays(-startDaysAgo), dueOn: Today.AddDays(-dueDaysAgo));
        return (trainee, course, id);
    }

    private Task<List<string>> MessagesAsync(int personId, int courseId) =>
        app.WithDbAsync(db => db.Notifications.Where(n => n.PersonId == personId && n.CourseId == courseId).OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());

    [Fact]
    public async Task Should_send_new_then_due_soon_then_overdue_each_once_over_several_runs_and_days()
    {
        var (trainee, course, _) = await AssignedAsync(startDaysAgo: 40, dueDaysAgo: 20);

        await RunAsync(Today.AddDays(-40));
        await RunAsync(Today.AddDays(-40));
        await RunAsync(Today.AddDays(-35));
        var afterStart = await MessagesAsync(trainee.PersonId, course.Id);
        await RunAsync(Today.AddDays(-27));
        await RunAsync(Today.AddDays(-27));
        await RunAsync(Today.AddDays(-20));
        var beforeDeadline = await MessagesAsync(trainee.PersonId, course.Id);
        await RunAsync(Today.AddDays(-19));
        await RunAsync(Today.AddDays(-19));
        await RunAsync(Today);
        var all = await MessagesAsync(trainee.PersonId, course.Id);

        Assert.Single(afterStart);
        Assert.StartsWith("新学习任务", afterStart[0]);
        Assert.Equal(2, beforeDeadline.Count);
        Assert.Contains("还剩 7 天", beforeDeadline[1]);
        Assert.Equal(3, all.Count);
        Assert.Contains("已逾期", all[2]);
    }

    [Fact]
    public async Task Should_send_nothing_for_a_course_already_completed_or_an_assignment_cancelled()
    {
        var (trainee, course, _) = await AssignedAsync(startDaysAgo: 40, dueDaysAgo: 20);
        await app.WithDbAsync(async db =>
        {
            // Completed before it was assigned: completion belongs to the person and the course.
            db.StudyLedger.Add(StudyLedgerEntry.Credit(trainee.PersonId, Today.AddDays(-60), 0.5m, false, StudySource.OnlineCourse, course.Id, "test", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        var (other, otherCourse, cancelled) = await AssignedAsync(startDaysAgo: 40, dueDaysAgo: 20);
        await app.WithDbAsync(async db => { (await db.Assignments.SingleAsync(a => a.Id == cancelled)).Cancel(); return await db.SaveChangesAsync(); });

        foreach (var day in new[] { -40, -27, -19 }) await RunAsync(Today.AddDays(day));

        Assert.Empty(await MessagesAsync(trainee.PersonId, course.Id));
        Assert.Empty(await MessagesAsync(other.PersonId, otherCourse.Id));
    }

    [Fact]
    public async Task Should_send_only_the_overdue_reminder_to_someone_first_reminded_after_the_deadline_and_never_the_earlier_ones_later()
    {
        var (trainee, course, assignment) = await AssignedAsync(startDaysAgo: 40, dueDaysAgo: 20);

        await RunAsync(Today.AddDays(-10));
        await RunAsync(Today.AddDays(-27));
        await RunAsync(Today.AddDays(-40));

        var messages = await MessagesAsync(trainee.PersonId, course.Id);
        Assert.Single(messages);
        Assert.Contains("已逾期", messages[0]);
        var kinds = await app.WithDbAsync(db => db.SentReminders.Where(r => r.AssignmentId == assignment && r.PersonId == trainee.PersonId).Select(r => r.Kind).ToListAsync());
        Assert.Equal([ReminderKind.NewAssignment, ReminderKind.DueSoon, ReminderKind.Overdue], kinds.Order());
    }

    [Fact]
    public async Task Should_send_once_when_two_nodes_run_the_job_at_the_same_time()
    {
        var (trainee, course, assignment) = await AssignedAsync(startDaysAgo: 40, dueDaysAgo: 20);

        await Task.WhenAll(RunAsync(Today.AddDays(-40)), RunAsync(Today.AddDays(-40)));

        Assert.Single(await MessagesAsync(trainee.PersonId, course.Id));
        var members = await app.WithDbAsync(db => db.SentReminders.Where(r => r.AssignmentId == assignment).CountAsync());
        var messages = await app.WithDbAsync(db => db.Notifications.Where(n => n.CourseId == course.Id).CountAsync());
        Assert.Equal(members, messages);
    }

    [Fact]
    public async Task Should_refuse_in_the_database_a_second_key_for_the_same_reminder()
    {
        var (trainee, _, assignment) = await AssignedAsync(startDaysAgo: 40, dueDaysAgo: 20);
        await RunAsync(Today.AddDays(-40));

        var error = await Record.ExceptionAsync(() => app.WithDbAsync(async db =>
        {
            db.SentReminders.Add(new SentReminder(trainee.PersonId, assignment, ReminderKind.NewAssignment, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        }));

        Assert.IsType<DbUpdateException>(error);
    }

    [Fact]
    public async Task Should_show_the_reminder_on_the_trainees_home_with_its_course_until_marked_read()
    {
        var (trainee, course, _) = await AssignedAsync(startDaysAgo: 40, dueDaysAgo: 20);
        await RunAsync(Today.AddDays(-40));
        var client = await app.SignInAsync(trainee);

        using var home = await client.GetAsync("/");
        var item = (await home.ReadHtmlAsync()).QuerySelectorAll("[data-notification-id]").Single(li => li.TextContent.Contains(course.Title));
        var id = item.GetAttribute("data-notification-id")!;
        using var read = await client.PostFormAsync("/", $"/?handler=Read&id={id}", new Dictionary<string, string>());
        using var after = await client.GetAsync("/");

        Assert.Equal($"/Learning/Study/Course/{course.Id}", item.QuerySelector("[data-testid=notification-course]")?.GetAttribute("href"));
        Assert.DoesNotContain(course.Title, (await after.ReadHtmlAsync()).QuerySelector("[data-testid=notifications]")?.TextContent ?? "");
        Assert.NotNull(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == long.Parse(id)).Select(n => n.ReadAt).SingleAsync()));
    }
}
