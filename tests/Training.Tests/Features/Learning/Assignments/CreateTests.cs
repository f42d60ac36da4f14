using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Learning.Assignments;

/// <summary>The page /Learning/Assignments/Create.</summary>
[Collection(AppCollection.Name)]
public sealed class CreateTests(AppFixture app)
{
    private static Dictionary<string, string> Form(int courseId, int unitId, string category = nameof(AssignedCategory.TwoCommitteeCadre)) => new()
    {
        ["Input.CourseIds"] = courseId.ToString(), ["Input.Required"] = "true", ["Input.StartOn"] = TestPeople.Today.ToString("yyyy-MM-dd"),
        ["Input.DueOn"] = TestPeople.Today.AddMonths(2).ToString("yyyy-MM-dd"), ["Input.Target"] = nameof(AssignmentTarget.Category),
        ["Input.UnitId"] = unitId.ToString(), ["Input.Category"] = category,
    };

    private Task<int> UnitIdAsync(string code) => app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Should_let_a_district_assign_a_city_course_to_a_category_of_its_township_and_audit_it()
    {
        var course = await app.CourseAsync();

        using var response = await (await app.SignInAsync(DemoAccounts.District)).PostFormAsync("/Learning/Assignments/Create", "/Learning/Assignments/Create",
            Form(course.Id, await UnitIdAsync("440111103"), nameof(AssignedCategory.PartySecretary)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var a = await app.WithDbAsync(db => db.Assignments.Include(x => x.Owner).Include(x => x.Unit).SingleAsync(x => x.CourseId == course.Id));
        Assert.Equal(("440111", "440111103", AssignedCategory.PartySecretary, true), (a.Owner.Code, a.Unit!.Code, a.Category, a.Required));
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(x => x.Action == "布置学习任务" && x.Detail.Contains(course.Title))));
    }

    [Fact]
    public async Task Should_make_one_assignment_per_course_chosen()
    {
        var (first, second) = (await app.CourseAsync(), await app.CourseAsync());
        var form = Form(first.Id, await UnitIdAsync("440111"));
        form.Remove("Input.CourseIds");
        form["Input.CourseIds[0]"] = first.Id.ToString();
        form["Input.CourseIds[1]"] = second.Id.ToString();

        using var response = await (await app.SignInAsync(DemoAccounts.District)).PostFormAsync("/Learning/Assignments/Create", "/Learning/Assignments/Create", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Assignments.CountAsync(a => a.CourseId == first.Id || a.CourseId == second.Id)));
    }

    [Fact]
    public async Task Should_refuse_a_unit_outside_the_districts_scope_and_keep_the_form()
    {
        var course = await app.CourseAsync();

        using var response = await (await app.SignInAsync(DemoAccounts.District)).PostFormAsync("/Learning/Assignments/Create", "/Learning/Assignments/Create",
            Form(course.Id, await UnitIdAsync("440103")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("请选择单位", await response.TextAsync());
        Assert.False(await app.WithDbAsync(db => db.Assignments.AnyAsync(x => x.CourseId == course.Id)));
    }

    [Fact]
    public async Task Should_refuse_assigning_to_townships()
    {
        using var response = await (await app.SignInAsync(DemoAccounts.Township)).GetAsync("/Learning/Assignments/Create");

        AssertRefused(response);
    }

    [Fact]
    public async Task Should_offer_a_course_published_and_a_class_opened_after_the_form_was_read_at_once()
    {
        var district = await app.SignInAsync(DemoAccounts.District);
        using (var first = await district.GetAsync("/Learning/Assignments/Create")) Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var course = await app.CourseAsync();
        using (var afterCourse = await district.GetAsync("/Learning/Assignments/Create"))
            Assert.NotNull((await afterCourse.ReadHtmlAsync()).QuerySelector($"input[name='Input.CourseIds'][value='{course.Id}']"));
        var classId = await app.ClassAsync("440111");

        using var again = await district.GetAsync("/Learning/Assignments/Create");
        var html = await again.ReadHtmlAsync();
        Assert.NotNull(html.QuerySelector($"select[name='Input.ClassId'] option[value='{classId}']"));
    }
}
