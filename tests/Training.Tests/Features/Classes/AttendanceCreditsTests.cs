using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;

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
}
