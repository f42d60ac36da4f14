using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task Should_list_a_new_course_and_a_lessons_hours_at_once_after_the_list_was_read()
    {
        var client = await app.SignInAsync(DemoAccounts.District);
        await HoursAsync(client, 0);

        var course = await app.CourseAsync(ownerCode: "440111", videoSeconds: 45 * 60, publish: false);
        var before = await HoursAsync(client, course.Id);
        await app.WithDbAsync(async db =>
        {
            var c = await db.Courses.Include(x => x.Lessons).SingleAsync(x => x.Id == course.Id);
            c.AddVideo("第二讲", Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + ".mp4", 1000, 90 * 60, optional: false);
            return await db.SaveChangesAsync();
        });
        var after = await HoursAsync(client, course.Id);

        Assert.Equal("1", before);
        Assert.Equal("2", after);
    }

    /// <summary>The 学时 of a course's row on the list's first page (null: not listed).</summary>
    private static async Task<string?> HoursAsync(HttpClient client, int courseId)
    {
        using var page = await client.GetAsync("/Learning/Courses");
        var html = await page.ReadHtmlAsync();
        return html.QuerySelector($"[data-testid=course-rows] tr[data-id='{courseId}'] td[data-label=学时]")?.TextContent;
    }
}
