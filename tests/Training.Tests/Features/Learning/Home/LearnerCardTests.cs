using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Home;

/// <summary>The learner's card on the home page: 继续学习, what is due, and the year's hours.</summary>
[Collection(AppCollection.Name)]
public sealed class LearnerCardTests(AppFixture app)
{
    [Fact]
    public async Task Should_offer_the_last_lesson_and_the_assigned_course_until_it_is_completed()
    {
        var trainee = await app.TraineeAsync();
        var learner = await app.SignInAsync(trainee);
        var course = await app.CourseAsync(videoSeconds: 20);
        // Due today: listed before the demo's year-end 必修 courses, whatever other tests assign.
        await app.AssignAsync(course.Id, TestTrainees.DistrictCode, dueOn: TestPeople.Today);
        var lesson = await learner.OpenLessonAsync(course.VideoId);

        var before = await (await learner.GetAsync("/")).ReadHtmlAsync();
        await learner.BeatAsync(lesson, 0, "playing");
        await app.AgeAsync(lesson, 20);
        await learner.BeatAsync(lesson, 20, "ended");
        var after = await (await learner.GetAsync("/")).ReadHtmlAsync();

        Assert.Equal($"/Learning/Study/Lesson/{course.VideoId}", before.QuerySelector("[data-testid=continue-learning]")?.GetAttribute("href"));
        Assert.Contains(course.Title, before.QuerySelector("[data-testid=due]")?.TextContent);
        Assert.DoesNotContain(course.Title, after.QuerySelector("[data-testid=due]")?.TextContent ?? "");
        Assert.Equal("0.25", after.QuerySelector("[data-testid=required-hours]")?.TextContent);
    }
}
