using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Study;

/// <summary>The page /Learning/Study: the published courses of the learner's city and district.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Should_show_the_citys_and_own_districts_published_courses_and_no_other()
    {
        var city = await app.CourseAsync();
        var own = await app.CourseAsync(ownerCode: TestTrainees.DistrictCode);
        var draft = await app.CourseAsync(publish: false);
        var other = await app.CourseAsync(ownerCode: "440111");
        var learner = await app.SignInAsync(await app.TraineeAsync());

        var html = await (await learner.GetAsync("/Learning/Study?category=RuralRevitalisation")).ReadHtmlAsync();
        var shown = html.QuerySelectorAll("[data-testid=course-cards] li").Select(li => int.Parse(li.GetAttribute("data-id")!)).ToHashSet();

        Assert.Contains(own.Id, shown);
        Assert.DoesNotContain(draft.Id, shown);
        Assert.DoesNotContain(other.Id, shown);
        // Newest first, twenty to a page: the city's course made just before is on the first page too.
        Assert.Contains(city.Id, shown);
    }

    [Fact]
    public async Task Should_show_a_lesson_completed_after_the_list_was_read_even_when_it_was_started_before()
    {
        // The list is kept between views and follows lessons started or completed, not every heartbeat: completing a
        // lesson already started must still show on the next view.
        var course = await app.CourseAsync(textRequired: true);
        var trainee = await app.TraineeAsync();
        var learner = await app.SignInAsync(trainee);
        async Task<string?> CardAsync() =>
            (await (await learner.GetAsync("/Learning/Study?category=RuralRevitalisation")).ReadHtmlAsync())
            .QuerySelector($"[data-testid=course-cards] li[data-id='{course.Id}'] span:last-child")?.TextContent;
        async Task WatchAsync(double seconds, double position) => await app.WithDbAsync(async db =>
        {
            var progress = await db.LessonProgress.SingleOrDefaultAsync(p => p.PersonId == trainee.PersonId && p.LessonId == course.VideoId);
            if (progress is null) db.LessonProgress.Add(progress = LessonProgress.Start(trainee.PersonId, course.VideoId));
            progress.Record(seconds, position, LessonKind.Video, 600, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        await WatchAsync(60, 60);
        Assert.Equal("共 2 课", await CardAsync());

        await WatchAsync(540, 600);
        Assert.Equal("已学 1 / 2 课", await CardAsync());
    }
}
