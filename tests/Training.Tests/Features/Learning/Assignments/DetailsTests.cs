using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Assignments;

/// <summary>The page /Learning/Assignments/Details/{id}: who is assigned today, in the account's scope, and where each stands.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailsTests(AppFixture app)
{
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string account, int id, int? personId = null)
    {
        var name = personId is { } p ? await app.WithDbAsync(db => db.Persons.Where(x => x.Id == p).Select(x => x.Name).SingleAsync()) : "";
        return await (await (await app.SignInAsync(account)).GetAsync($"/Learning/Assignments/Details/{id}?q={Uri.EscapeDataString(name)}")).ReadHtmlAsync();
    }

    [Fact]
    public async Task Should_assign_a_person_who_becomes_a_cadre_later_without_anyone_acting()
    {
        var course = await app.CourseAsync();
        var id = await app.AssignAsync(course.Id, TestPeople.OwnVillage);
        var newcomer = await app.PersonAsync();
        var before = await PageAsync(DemoAccounts.Township, id, newcomer);

        await app.WithDbAsync(async db =>
        {
            var p = await db.Persons.Include(x => x.Village).SingleAsync(x => x.Id == newcomer);
            p.AddPost(p.Village, PostType.CommitteeMember, TestPeople.Today);
            return await db.SaveChangesAsync();
        });
        var after = await PageAsync(DemoAccounts.Township, id, newcomer);

        Assert.Null(before.QuerySelector($"tr[data-person='{newcomer}']"));
        Assert.Equal("未开始", after.QuerySelector($"tr[data-person='{newcomer}'] [data-testid=standing]")?.TextContent);
        Assert.Equal(int.Parse(before.QuerySelector("[data-count=all]")!.TextContent, System.Globalization.NumberStyles.AllowThousands) + 1,
            int.Parse(after.QuerySelector("[data-count=all]")!.TextContent, System.Globalization.NumberStyles.AllowThousands));
    }

    [Fact]
    public async Task Should_count_a_course_finished_before_it_was_assigned_as_completed()
    {
        var course = await app.CourseAsync();
        var person = await app.PersonAsync(cadreSince: TestPeople.Today.AddYears(-1));
        await app.WithDbAsync(async db =>
        {
            db.StudyLedger.Add(StudyLedgerEntry.Credit(person, TestPeople.Today.AddDays(-30), 0.25m, false, StudySource.OnlineCourse, course.Id, "test", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        var id = await app.AssignAsync(course.Id, TestPeople.OwnVillage);

        var page = await PageAsync(DemoAccounts.District, id, person);

        Assert.Equal("已完成", page.QuerySelector($"tr[data-person='{person}'] [data-testid=standing]")?.TextContent);
    }

    [Fact]
    public async Task Should_move_a_person_to_the_completed_the_moment_the_course_is_credited()
    {
        // Without a name to look for, the order of those assigned is kept between requests: a credit since must show.
        var course = await app.CourseAsync();
        var person = await app.PersonAsync(cadreSince: TestPeople.Today.AddYears(-1));
        var id = await app.AssignAsync(course.Id, TestPeople.OwnVillage);
        var township = await app.SignInAsync(DemoAccounts.Township);
        // The newest person is last in the list (village, then id): the last page (a page beyond it shows the last).
        async Task<bool> ListedAsync(string show) => (await (await township.GetAsync($"/Learning/Assignments/Details/{id}?show={show}&p=1000")).ReadHtmlAsync())
            .QuerySelector($"[data-testid=member-rows] tr[data-person='{person}']") is not null;
        Assert.True(await ListedAsync("NotStarted"));
        Assert.False(await ListedAsync("Completed"));

        await app.WithDbAsync(async db =>
        {
            db.StudyLedger.Add(StudyLedgerEntry.Credit(person, TestPeople.Today, 0.25m, false, StudySource.OnlineCourse, course.Id, "test", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        Assert.False(await ListedAsync("NotStarted"));
        Assert.True(await ListedAsync("Completed"));
    }

    [Fact]
    public async Task Should_show_the_assignment_cancelled_once_its_unit_cancels_it()
    {
        // The assignment's head is kept between requests: the page read before the cancel must not be served after it.
        var id = await app.AssignAsync((await app.CourseAsync()).Id, TestPeople.OwnVillage);
        var city = await app.SignInAsync(DemoAccounts.City);
        var form = await city.DrawnFormAsync($"/Learning/Assignments/Details/{id}", "form[action*='handler=Cancel']");

        using (var cancelled = await city.PostAsync(form.Action, form.With())) Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);

        var page = await (await city.GetAsync($"/Learning/Assignments/Details/{id}")).ReadHtmlAsync();
        Assert.Contains("（已撤销）", page.QuerySelector("dl.facts")!.TextContent);
        Assert.Null(page.QuerySelector("form[action*='handler=Cancel']"));
    }

    [Fact]
    public async Task Should_not_find_another_districts_assignment()
    {
        var id = await app.AssignAsync((await app.CourseAsync(ownerCode: "440103")).Id, "440103", ownerCode: "440103");

        using var response = await (await app.SignInAsync(DemoAccounts.District)).GetAsync($"/Learning/Assignments/Details/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
