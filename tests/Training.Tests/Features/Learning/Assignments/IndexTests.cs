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
}
