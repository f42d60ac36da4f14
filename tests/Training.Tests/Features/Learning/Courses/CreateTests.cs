using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Learning.Courses;

/// <summary>The page /Learning/Courses/Create.</summary>
[Collection(AppCollection.Name)]
public sealed class CreateTests(AppFixture app)
{
    private static Dictionary<string, string> Form(string title, string category) => new()
    {
        ["Input.Title"] = title, ["Input.Category"] = category, ["Input.Description"] = "面向村两委干部", ["Input.QuizEarnsHours"] = "true",
    };

    [Fact]
    public async Task Should_create_a_draft_of_the_districts_own_and_audit_it()
    {
        var title = "基层治理实务" + Guid.NewGuid().ToString("N")[..6];

        using var response = await (await app.SignInAsync(DemoAccounts.District))
            .PostFormAsync("/Learning/Courses/Create", "/Learning/Courses/Create", Form(title, nameof(CourseCategory.GrassrootsGovernance)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var c = await app.WithDbAsync(db => db.Courses.Include(x => x.Owner).SingleAsync(x => x.Title == title));
        Assert.Equal(("440111", CourseState.Draft, CourseCategory.GrassrootsGovernance, true), (c.Owner.Code, c.State, c.Category, c.QuizEarnsHours));
        Assert.Equal($"/Learning/Courses/Details/{c.Id}", response.Headers.Location?.OriginalString);
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "新建课程" && a.Detail.Contains(title))));
    }

    [Fact]
    public async Task Should_keep_what_was_typed_and_say_why_when_no_category_is_chosen()
    {
        var title = "未选类别" + Guid.NewGuid().ToString("N")[..6];

        using var response = await (await app.SignInAsync(DemoAccounts.City))
            .PostFormAsync("/Learning/Courses/Create", "/Learning/Courses/Create", Form(title, "99"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("请选择课程类别", page.Body!.TextContent);
        Assert.Equal(title, page.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Courses.AnyAsync(c => c.Title == title)));
    }

    [Fact]
    public async Task Should_refuse_authoring_to_townships_villages_and_trainees()
    {
        foreach (var client in new[] { await app.SignInAsync(DemoAccounts.Township), await app.SignInAsync(DemoAccounts.Village), await app.SignInAsync(await app.TraineeAsync()) })
        {
            using var response = await client.GetAsync("/Learning/Courses/Create");
            AssertRefused(response);
        }
    }
}
