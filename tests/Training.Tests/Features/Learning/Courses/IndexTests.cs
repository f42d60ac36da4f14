using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Courses;

/// <summary>The page /Learning/Courses.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Should_list_only_the_accounts_own_units_courses_with_their_hours()
    {
        var own = await app.CourseAsync(ownerCode: "440111", videoSeconds: 45 * 60);
        var city = await app.CourseAsync();

        var page = await (await app.SignInAsync(DemoAccounts.District)).GetAsync("/Learning/Courses?State=Published");
        var html = await page.ReadHtmlAsync();

        var row = html.QuerySelector($"[data-testid=course-rows] tr[data-id='{own.Id}']");
        Assert.NotNull(row);
        Assert.Equal("1", row!.QuerySelector("td[data-label=学时]")?.TextContent);
        Assert.Null(html.QuerySelector($"[data-testid=course-rows] tr[data-id='{city.Id}']"));
    }
}
