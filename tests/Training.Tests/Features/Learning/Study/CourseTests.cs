using System.Net;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Study;

/// <summary>The page /Learning/Study/Course/{id}.</summary>
[Collection(AppCollection.Name)]
public sealed class CourseTests(AppFixture app)
{
    [Fact]
    public async Task Should_offer_the_first_required_lesson_to_a_learner_who_has_not_started()
    {
        var course = await app.CourseAsync();
        var learner = await app.SignInAsync(await app.TraineeAsync());

        var html = await (await learner.GetAsync($"/Learning/Study/Course/{course.Id}")).ReadHtmlAsync();

        Assert.Equal($"/Learning/Study/Lesson/{course.VideoId}", html.QuerySelector("[data-testid=continue]")?.GetAttribute("href"));
        Assert.Contains("已完成必学课时 0 / 1", html.QuerySelector("[data-testid=course-progress]")?.TextContent);
    }

    [Fact]
    public async Task Should_open_another_districts_course_once_it_is_assigned_to_the_learner()
    {
        var baiyun = await app.CourseAsync(ownerCode: "440111");
        var learner = await app.SignInAsync(await app.TraineeAsync(Standing.Cadre));
        using var before = await learner.GetAsync($"/Learning/Study/Course/{baiyun.Id}");

        await app.AssignAsync(baiyun.Id, TestTrainees.DistrictCode);
        using var after = await learner.GetAsync($"/Learning/Study/Course/{baiyun.Id}");
        using var video = await learner.GetAsync($"/Learning/Study/Lesson/{baiyun.VideoId}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK), (before.StatusCode, after.StatusCode, video.StatusCode));
    }

    [Fact]
    public async Task Should_not_find_a_draft_or_another_districts_course_for_a_learner_but_show_the_author_a_preview()
    {
        var draft = await app.CourseAsync(ownerCode: "440111", publish: false);
        var learner = await app.SignInAsync(await app.TraineeAsync());

        using var hidden = await learner.GetAsync($"/Learning/Study/Course/{draft.Id}");
        using var preview = await (await app.SignInAsync(DemoAccounts.District)).GetAsync($"/Learning/Study/Course/{draft.Id}");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.NotNull((await preview.ReadHtmlAsync()).QuerySelector("[data-testid=preview-notice]"));
    }
}
