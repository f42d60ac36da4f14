using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Learning.Courses.Lessons;

/// <summary>The page /Learning/Courses/Lessons/Text/{courseId}.</summary>
[Collection(AppCollection.Name)]
public sealed class TextTests(AppFixture app)
{
    private async Task<Dictionary<string, string>> FormAsync(int courseId, string title, string body) => new()
    {
        ["Version"] = (await app.WithDbAsync(db => db.Courses.Where(c => c.Id == courseId).Select(c => c.Version).SingleAsync())).ToString(),
        ["Input.Title"] = title, ["Input.Body"] = body,
    };

    [Fact]
    public async Task Should_add_a_text_whose_duration_follows_its_length()
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);
        var url = $"/Learning/Courses/Lessons/Text/{course.Id}";

        using var response = await (await app.SignInAsync(DemoAccounts.District))
            .PostFormAsync(url, url, await FormAsync(course.Id, "政策解读", "# 一号文件\n\n" + new string('村', 3000)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var lesson = await app.WithDbAsync(db => db.Lessons.SingleAsync(l => l.CourseId == course.Id && l.Title == "政策解读"));
        Assert.Equal((LessonKind.Text, 3005 * 60 / 300, 3), (lesson.Kind, lesson.DurationSeconds, lesson.Order));
    }

    [Fact]
    public async Task Should_preview_the_markdown_without_its_script_and_save_nothing()
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);
        var url = $"/Learning/Courses/Lessons/Text/{course.Id}";

        using var response = await (await app.SignInAsync(DemoAccounts.District))
            .PostFormAsync(url, url + "?handler=Preview", await FormAsync(course.Id, "预览", "**要点**<script>alert(1)</script><img src=x onerror=alert(1)>"));

        var preview = (await response.ReadHtmlAsync()).QuerySelector("[data-testid=preview]")!;
        Assert.Equal("要点", preview.QuerySelector("strong")?.TextContent);
        Assert.Null(preview.QuerySelector("script"));
        Assert.Empty(preview.QuerySelectorAll("[onerror]"));
        Assert.False(await app.WithDbAsync(db => db.Lessons.AnyAsync(l => l.CourseId == course.Id && l.Title == "预览")));
    }

    [Fact]
    public async Task Should_forbid_adding_to_a_course_of_the_unit_above()
    {
        var city = await app.CourseAsync();

        using var response = await (await app.SignInAsync(DemoAccounts.District)).GetAsync($"/Learning/Courses/Lessons/Text/{city.Id}");

        AssertRefused(response);
    }
}
