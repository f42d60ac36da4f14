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
}
