using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Courses.Lessons;

/// <summary>The page /Learning/Courses/Lessons/Link/{courseId}.</summary>
[Collection(AppCollection.Name)]
public sealed class LinkTests(AppFixture app)
{
    [Theory]
    [InlineData("https://www.12371.cn/video/1", HttpStatusCode.Redirect)]
    [InlineData("javascript:alert(1)", HttpStatusCode.UnprocessableEntity)]
    public async Task Should_add_an_http_link_and_refuse_anything_else(string url, HttpStatusCode expected)
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);
        var page = $"/Learning/Courses/Lessons/Link/{course.Id}";
        var version = await app.WithDbAsync(db => db.Courses.Where(c => c.Id == course.Id).Select(c => c.Version).SingleAsync());

        using var response = await (await app.SignInAsync(DemoAccounts.District)).PostFormAsync(page, page, new Dictionary<string, string>
        {
            ["Version"] = version.ToString(), ["Input.Title"] = "外链", ["Input.Url"] = url,
        });

        Assert.Equal(expected, response.StatusCode);
        var added = await app.WithDbAsync(db => db.Lessons.Where(l => l.CourseId == course.Id && l.Kind == LessonKind.ExternalVideo).Select(l => l.Url).ToListAsync());
        Assert.Equal(expected == HttpStatusCode.Redirect ? [url] : [], added);
    }
}
