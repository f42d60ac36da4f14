using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Assignments;

/// <summary>The page /Learning/Assignments.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Should_show_a_township_what_the_city_assigned_and_not_another_districts_assignment()
    {
        var city = await app.AssignAsync((await app.CourseAsync()).Id, "440100");
        var other = await app.AssignAsync((await app.CourseAsync(ownerCode: "440103")).Id, "440103", ownerCode: "440103");

        var html = await (await (await app.SignInAsync(DemoAccounts.Township)).GetAsync("/Learning/Assignments")).ReadHtmlAsync();

        Assert.NotNull(html.QuerySelector($"[data-testid=assignment-rows] tr[data-id='{city}']"));
        Assert.Null(html.QuerySelector($"[data-testid=assignment-rows] tr[data-id='{other}']"));
    }

    [Fact]
    public async Task Should_list_an_assignment_made_after_the_list_was_read_on_top()
    {
        // The page is kept between views: an assignment made since must lead the next one (newest first).
        var course = await app.CourseAsync();
        var township = await app.SignInAsync(DemoAccounts.Township);
        _ = await (await township.GetAsync("/Learning/Assignments")).ReadHtmlAsync();

        var id = await app.AssignAsync(course.Id, "440100");

        var html = await (await township.GetAsync("/Learning/Assignments")).ReadHtmlAsync();
        Assert.Equal(id.ToString(), html.QuerySelector("[data-testid=assignment-rows] tbody tr")?.GetAttribute("data-id"));
    }
}
