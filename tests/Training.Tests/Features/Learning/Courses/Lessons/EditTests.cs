using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Courses.Lessons;

/// <summary>The page /Learning/Courses/Lessons/Edit/{id}.</summary>
[Collection(AppCollection.Name)]
public sealed class EditTests(AppFixture app)
{
    [Fact]
    public async Task Should_change_a_texts_words_and_with_them_its_duration()
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);
        var url = $"/Learning/Courses/Lessons/Edit/{course.TextId}";
        var version = await app.WithDbAsync(db => db.Courses.Where(c => c.Id == course.Id).Select(c => c.Version).SingleAsync());

        using var response = await (await app.SignInAsync(DemoAccounts.District)).PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Version"] = version.ToString(), ["Input.Title"] = "导读（修订）", ["Input.Body"] = new string('学', 9000), ["Input.Optional"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var lesson = await app.WithDbAsync(db => db.Lessons.SingleAsync(l => l.Id == course.TextId));
        Assert.Equal(("导读（修订）", 30 * 60, true), (lesson.Title, lesson.DurationSeconds, lesson.Optional));
    }

    [Fact]
    public async Task Should_not_find_a_lesson_of_another_districts_course()
    {
        var other = await app.CourseAsync(ownerCode: "440103");

        using var response = await (await app.SignInAsync(DemoAccounts.District)).GetAsync($"/Learning/Courses/Lessons/Edit/{other.TextId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
