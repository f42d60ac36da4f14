using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>Training classes, sessions, participants and attendance a test makes for itself through the domain.</summary>
public static class TestClasses
{
    /// <summary>A class run by the unit <paramref name="ownerCode"/> (city 440100 or a district).</summary>
    public static Task<int> ClassAsync(this AppFixture app, string ownerCode, int capacity = 30, Sex? sexOnly = null, ClassAudience audience = ClassAudience.Any,
        int startDay = 0, int endDay = 30, int percent = TrainingClass.DefaultCompletionPercent) =>
        app.WithDbAsync(async db =>
        {
            var owner = await db.OrgUnits.SingleAsync(u => u.Code == ownerCode);
            var c = TrainingClass.Create(owner, "测试培训班" + Guid.NewGuid().ToString("N")[..6], TestPeople.Today.AddDays(startDay), TestPeople.Today.AddDays(endDay),
                capacity, sexOnly, audience, percent, null, "test", DateTime.UtcNow);
            db.TrainingClasses.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });

    /// <summary>Enrols persons (as of the class's first day, so a class already over can have them); the participants' ids.</summary>
    public static Task<int[]> EnrolAsync(this AppFixture app, int classId, params int[] personIds) =>
        app.WithDbAsync(async db =>
        {
            var c = await db.TrainingClasses.Include(x => x.Owner).Include(x => x.Participants).SingleAsync(x => x.Id == classId);
            var added = new List<ClassParticipant>();
            foreach (var id in personIds)
            {
                var person = await db.Persons.Include(p => p.Village).Include(p => p.Posts).SingleAsync(p => p.Id == id);
                added.Add(c.Enroll(person, [], "test", c.StartOn, DateTime.UtcNow));
            }
            await db.SaveChangesAsync();
            return added.Select(p => p.Id).ToArray();
        });

    /// <summary>A session <paramref name="day"/> days from today.</summary>
    public static Task<int> SessionAsync(this AppFixture app, int classId, int day, string title = "课次") =>
        app.WithDbAsync(async db =>
        {
            var c = await db.TrainingClasses.Include(x => x.Sessions).SingleAsync(x => x.Id == classId);
            var s = c.AddSession(TestPeople.Today.AddDays(day), title);
            await db.SaveChangesAsync();
            return s.Id;
        });

    public static Task AttendanceAsync(this AppFixture app, int classId, int sessionId, params int[] presentParticipantIds) =>
        app.WithDbAsync(async db =>
        {
            var c = await db.TrainingClasses.Include(x => x.Participants)
                .Include(x => x.Sessions).ThenInclude(s => s.Attendance).AsSplitQuery().SingleAsync(x => x.Id == classId);
            c.RecordAttendance(c.Sessions.Single(s => s.Id == sessionId), presentParticipantIds, "test", TestPeople.Today, DateTime.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });

    public static Task<Guid> ClassVersionAsync(this AppFixture app, int classId) =>
        app.WithDbAsync(db => db.TrainingClasses.Where(c => c.Id == classId).Select(c => c.Version).SingleAsync());

    /// <summary>The persons enrolled, in the order they were.</summary>
    public static Task<List<int>> ParticipantsAsync(this AppFixture app, int classId) =>
        app.WithDbAsync(db => db.ClassParticipants.Where(p => p.ClassId == classId).OrderBy(p => p.Id).Select(p => p.PersonId).ToListAsync());
}
