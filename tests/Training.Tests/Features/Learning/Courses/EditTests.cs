using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Courses;

/// <summary>The page /Learning/Courses/Edit/{id}.</summary>
[Collection(AppCollection.Name)]
public sealed class EditTests(AppFixture app)
{
    [Fact]
    public async Task Should_change_the_courses_terms_at_the_version_seen()
    {
        var course = await app.CourseAsync(ownerCode: "440100");
        var city = await app.SignInAsync(DemoAccounts.City);
        var url = $"/Learning/Courses/Edit/{course.Id}";
        var version = await app.WithDbAsync(db => db.Courses.Where(c => c.Id == course.Id).Select(c => c.Version).SingleAsync());

        using var response = await city.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Version"] = version.ToString(), ["Input.Title"] = course.Title + "（修订）", ["Input.Category"] = nameof(CourseCategory.LawsAndRegulations),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var c = await app.WithDbAsync(db => db.Courses.SingleAsync(x => x.Id == course.Id));
        Assert.Equal((course.Title + "（修订）", CourseCategory.LawsAndRegulations), (c.Title, c.Category));
    }

    [Fact]
    public async Task Should_not_find_another_districts_course()
    {
        var other = await app.CourseAsync(ownerCode: "440103");

        using var response = await (await app.SignInAsync(DemoAccounts.District)).GetAsync($"/Learning/Courses/Edit/{other.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
