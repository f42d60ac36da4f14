using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Core.Data;
using Training.Tests.Infrastructure;
using Training.Web.Features.Classes;
using Training.Web.Infrastructure.Workflow;

namespace Training.Tests.Features.Classes;

/// <summary>Attendance taken on /Classes/Attendance enters the 学时 ledger: 8 a full day, 4 a half day, and un-marking reverses.</summary>
[Collection(AppCollection.Name)]
public sealed class AttendanceCreditsTests(AppFixture app)
{
    private readonly ClassWorld world = new(app);

    private Task<List<StudyLedgerEntry>> EntriesAsync(int personId, int sessionId) =>
        app.WithDbAsync(db => db.StudyLedger.Where(e => e.PersonId == personId && e.Source == StudySource.Class && e.SourceId == sessionId)
            .OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Should_credit_eight_hours_as_required_for_a_full_day_once_however_often_it_is_saved()
    {
        var people = new[] { await world.PersonAsync(), await world.PersonAsync() };
        var c = await world.ClassAsync([0], people);
        var district = await app.SignInAsync(ClassWorld.District);

        using (await (await AttendanceForm.GetAsync(district, c.Sessions[0])).PostAsync(district, c.Participants[0])) { }
        using (await (await AttendanceForm.GetAsync(district, c.Sessions[0])).PostAsync(district, c.Participants[0])) { }

        var entry = Assert.Single(await EntriesAsync(people[0], c.Sessions[0]));
        Assert.Equal((8m, true, ClassWorld.Today), (entry.Hours, entry.Required, entry.On));
        Assert.Empty(await EntriesAsync(people[1], c.Sessions[0]));
    }

    [Fact]
    public async Task Should_reverse_the_credit_when_a_participant_is_unmarked_and_credit_again_when_marked_again()
    {
        var person = await world.PersonAsync();
        var c = await world.ClassAsync([-1], [person], length: SessionLength.HalfDay);
        var district = await app.SignInAsync(ClassWorld.District);

        using (await (await AttendanceForm.GetAsync(district, c.Sessions[0])).PostAsync(district, c.Participants[0])) { }
        using (await (await AttendanceForm.GetAsync(district, c.Sessions[0])).PostAsync(district)) { }
        using (await (await AttendanceForm.GetAsync(district, c.Sessions[0])).PostAsync(district, c.Participants[0])) { }

        var entries = await EntriesAsync(person, c.Sessions[0]);
        Assert.Equal([4m, -4m, 4m], entries.Select(e => e.Hours));
        Assert.Equal(entries[0].Id, entries[1].ReversesId);
        Assert.Equal("考勤改为缺勤", entries[1].Reason);
        Assert.Equal(4m, entries.Sum(e => e.Hours));
    }

    [Fact]
    public async Task Should_answer_changed_when_two_saves_reverse_the_same_credit_at_once_instead_of_failing()
    {
        var person = await world.PersonAsync();
        var c = await world.ClassAsync([0], [person]);
        var district = await app.SignInAsync(ClassWorld.District);
        using (await (await AttendanceForm.GetAsync(district, c.Sessions[0])).PostAsync(district, c.Participants[0])) { }
        var seen = await app.WithDbAsync(db => db.TrainingClasses.Where(x => x.Id == c.Id).Select(x => x.Version).SingleAsync());

        // Both saves read the class at the version the page showed; the other is taken whole while the first is between
        // reading the ledger and saving, so neither sees the other's reversal (the page's steps, as two requests run them).
        Task<StepResult> UnmarkAsync(TrainingDbContext db, Func<Task>? meanwhile) =>
            db.RunAsync(db.TrainingClasses.Include(x => x.Participants)
                    .Include(x => x.Sessions.Where(s => s.Id == c.Sessions[0])).ThenInclude(s => s.Attendance)
                    .Where(x => x.Id == c.Id), seen, async cls =>
                {
                    var session = cls.Sessions.Single();
                    var changes = cls.RecordAttendance(session, [], "district-440111", ClassWorld.Today, DateTime.UtcNow);
                    await AttendanceCredits.ApplyAsync(db, session, changes, "district-440111", DateTime.UtcNow, default);
                    if (meanwhile is not null) await meanwhile();
                    return "saved";
                }, default);

        StepResult? other = null;
        var mine = await app.WithDbAsync(db => UnmarkAsync(db, async () => other = await app.WithDbAsync(db2 => UnmarkAsync(db2, null))));

        Assert.Equal(StepStatus.Done, other!.Status);
        Assert.Equal(StepStatus.Changed, mine.Status);
        Assert.Equal([8m, -8m], (await EntriesAsync(person, c.Sessions[0])).Select(e => e.Hours));
    }
}
