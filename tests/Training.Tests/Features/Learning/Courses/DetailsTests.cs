using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Learning.Courses;

/// <summary>The page /Learning/Courses/Details/{id}: ordering, removing, publishing and withdrawing, each at the version seen.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailsTests(AppFixture app)
{
    private static string Url(int id) => $"/Learning/Courses/Details/{id}";

    private async Task<Guid> VersionAsync(int id) => await app.WithDbAsync(db => db.Courses.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());

    [Fact]
    public async Task Should_move_a_lesson_up_then_publish_then_withdraw()
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);
        var district = await app.SignInAsync(DemoAccounts.District);

        using (var moved = await district.PostFormAsync(Url(course.Id), Url(course.Id) + "?handler=Move",
            new Dictionary<string, string> { ["Version"] = (await VersionAsync(course.Id)).ToString(), ["LessonId"] = course.TextId.ToString(), ["Step"] = "-1" }))
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        using (var published = await district.PostFormAsync(Url(course.Id), Url(course.Id) + "?handler=Publish",
            new Dictionary<string, string> { ["Version"] = (await VersionAsync(course.Id)).ToString() }))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var c = await app.WithDbAsync(db => db.Courses.Include(x => x.Lessons).SingleAsync(x => x.Id == course.Id));
        Assert.Equal([course.TextId, course.VideoId], c.Lessons.OrderBy(l => l.Order).Select(l => l.Id));
        Assert.Equal(CourseState.Published, c.State);

        using var withdrawn = await district.PostFormAsync(Url(course.Id), Url(course.Id) + "?handler=Withdraw",
            new Dictionary<string, string> { ["Version"] = (await VersionAsync(course.Id)).ToString() });
        Assert.Equal(CourseState.Withdrawn, await app.WithDbAsync(db => db.Courses.Where(x => x.Id == course.Id).Select(x => x.State).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "下架课程" && a.Detail.Contains(course.Title))));
    }

    [Fact]
    public async Task Should_refuse_a_step_taken_on_a_stale_page_with_409()
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);
        var district = await app.SignInAsync(DemoAccounts.District);
        var stale = await VersionAsync(course.Id);
        await app.WithDbAsync(async db => { (await db.Courses.Include(c => c.Lessons).SingleAsync(c => c.Id == course.Id)).Change("改过的名称", CourseCategory.LawsAndRegulations, null, false); return await db.SaveChangesAsync(); });

        using var response = await district.PostFormAsync(Url(course.Id), Url(course.Id) + "?handler=Publish",
            new Dictionary<string, string> { ["Version"] = stale.ToString() });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(CourseState.Draft, await app.WithDbAsync(db => db.Courses.Where(x => x.Id == course.Id).Select(x => x.State).SingleAsync()));
    }

    [Fact]
    public async Task Should_forbid_a_district_the_citys_course_and_not_find_another_districts()
    {
        var city = await app.CourseAsync();
        var other = await app.CourseAsync(ownerCode: "440103");
        var district = await app.SignInAsync(DemoAccounts.District);

        using var cityPage = await district.GetAsync(Url(city.Id));
        using var otherPage = await district.GetAsync(Url(other.Id));

        AssertRefused(cityPage);
        Assert.Equal(HttpStatusCode.NotFound, otherPage.StatusCode);
    }
}
