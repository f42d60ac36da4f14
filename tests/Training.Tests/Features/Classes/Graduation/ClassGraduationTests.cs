using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Classes.Graduation;

namespace Training.Tests.Features.Classes.Graduation;

/// <summary>
/// What ClassGraduation reads from the database: hours only within the class's dates and net of reversals, a course
/// whose credit was reversed is not completed, a quiz failed is not passed, and every participant of a class is
/// evaluated on its own facts in one call.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ClassGraduationTests(AppFixture app)
{
    private readonly ClassWorld world = new(app);
    private static DateOnly Today => ClassWorld.Today;

    private Task RequireAsync(int classId, decimal? required, decimal? elective, int[] courses) =>
        app.WithDbAsync(async db =>
        {
            var c = await db.TrainingClasses.Include(x => x.Owner).Include(x => x.RequiredCourses).Include(x => x.RequiredQuizzes).SingleAsync(x => x.Id == classId);
            var chosen = await db.Courses.Include(x => x.Owner).Where(x => courses.Contains(x.Id)).ToListAsync();
            c.SetConditions(required, elective, chosen, []);
            await db.SaveChangesAsync();
            return 0;
        });

    [Fact]
    public async Task Should_count_hours_within_the_class_dates_net_of_reversals()
    {
        var person = await world.PersonAsync();
        var c = await world.ClassAsync([], [person], startDay: -10, endDay: 10);
        await RequireAsync(c.Id, 6, 2, []);
        await app.CreditAsync(person, Today.AddDays(-11), 50, required: true, StudySource.Offline, null); // before the class
        await app.CreditAsync(person, Today.AddDays(11), 50, required: false, StudySource.Offline, null);  // after it
        var counted = await app.CreditAsync(person, Today.AddDays(-10), 4, required: true, StudySource.Offline, null);
        await app.CreditAsync(person, Today.AddDays(10), 2, required: true, StudySource.Offline, null);
        await app.CreditAsync(person, Today, 2, required: false, StudySource.Offline, null);

        var met = await app.WithDbAsync(db => ClassGraduation.GraduateAsync(db, c.Id, person, Today, CancellationToken.None));
        Assert.NotNull(met);
        Assert.Equal(8, met.Hours);

        await app.ReverseAsync(counted, Today);
        Assert.Null(await app.WithDbAsync(db => ClassGraduation.GraduateAsync(db, c.Id, person, Today, CancellationToken.None)));
    }

    [Fact]
    public async Task Should_not_count_a_course_whose_credit_was_reversed_nor_another_course()
    {
        var course = await app.CourseAsync();
        var other = await app.CourseAsync();
        var person = await world.PersonAsync();
        var c = await world.ClassAsync([], [person]);
        await RequireAsync(c.Id, null, null, [course.Id]);
        await app.CreditAsync(person, Today, 1, required: false, StudySource.OnlineCourse, other.Id);
        Assert.Empty(await app.WithDbAsync(db => ClassGraduation.GraduatesAsync(db, c.Id, Today, CancellationToken.None)));

        var credit = await app.CreditAsync(person, Today.AddYears(-1), 1, required: false, StudySource.OnlineCourse, course.Id); // completed long before: still completed
        Assert.Single(await app.WithDbAsync(db => ClassGraduation.GraduatesAsync(db, c.Id, Today, CancellationToken.None)));

        await app.ReverseAsync(credit, Today);
        Assert.Empty(await app.WithDbAsync(db => ClassGraduation.GraduatesAsync(db, c.Id, Today, CancellationToken.None)));
    }

    [Fact]
    public async Task Should_evaluate_each_participant_on_its_own_facts()
    {
        var people = new[] { await world.PersonAsync(), await world.PersonAsync(), await world.PersonAsync() };
        var c = await world.ClassAsync([0, 0], people, completionPercent: 50);
        await RequireAsync(c.Id, 3, null, []);
        await app.AttendanceAsync(c.Id, c.Sessions[0], c.Participants[0], c.Participants[1]);
        await app.CreditAsync(people[0], Today, 3, required: true, StudySource.Offline, null);
        await app.CreditAsync(people[2], Today, 3, required: true, StudySource.Offline, null);

        var evaluated = await app.WithDbAsync(db => ClassGraduation.EvaluateAsync(db, db.ClassParticipants.Where(p => p.ClassId == c.Id), Today, CancellationToken.None));

        Assert.True(evaluated[c.Participants[0]].Result.Graduated);
        Assert.Equal([GraduationCondition.RequiredHours], evaluated[c.Participants[1]].Result.Missing.Select(x => x.Condition));
        Assert.Equal([GraduationCondition.Attendance], evaluated[c.Participants[2]].Result.Missing.Select(x => x.Condition));
        var graduates = await app.WithDbAsync(db => ClassGraduation.GraduatesAsync(db, c.Id, Today, CancellationToken.None));
        Assert.Equal(people[0], Assert.Single(graduates).PersonId);
    }
}
