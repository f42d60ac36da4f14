using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Classes;

/// <summary>
/// 结业条件: the district running a class requires hours, courses and a quiz; the choice is among the courses its
/// participants can open; bad hours are answered beside the field with what was typed kept; other units are refused;
/// the participant sees the checklist with what is missing and becomes 已结业 once every condition is met.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ConditionsTests(AppFixture app)
{
    private readonly ClassWorld world = new(app);

    private static string Url(int classId) => $"/Classes/Conditions/{classId}";

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, int classId, string required, string elective,
        IEnumerable<int> courses, IEnumerable<int> quizzes)
    {
        var form = await client.DrawnFormAsync(Url(classId), "[data-testid=conditions-form]");
        var body = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.Token), new("Version", form.Version),
            new("RequiredHours", required), new("ElectiveHours", elective),
        };
        body.AddRange(courses.Select(c => new KeyValuePair<string, string>("CourseIds", c.ToString())));
        body.AddRange(quizzes.Select(q => new KeyValuePair<string, string>("QuizIds", q.ToString())));
        return await client.PostAsync(Url(classId), new FormUrlEncodedContent(body));
    }

    [Fact]
    public async Task Should_save_the_conditions_audit_them_and_show_them_on_the_class()
    {
        var course = await app.CourseAsync();
        var (quizCourse, quiz) = await app.QuizCourseAsync();
        var c = await world.ClassAsync([0], [await world.PersonAsync()]);
        var district = await app.SignInAsync(ClassWorld.District);

        using var saved = await SaveAsync(district, c.Id, "8", "2.5", [course.Id], [quiz]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.WithDbAsync(db => db.TrainingClasses.Include(x => x.RequiredCourses).Include(x => x.RequiredQuizzes).SingleAsync(x => x.Id == c.Id));
        Assert.Equal(8, stored.RequiredHours);
        Assert.Equal(2.5m, stored.ElectiveHours);
        Assert.Equal(course.Id, Assert.Single(stored.RequiredCourses).CourseId);
        Assert.Equal(quiz, Assert.Single(stored.RequiredQuizzes).LessonId);
        var details = await (await district.GetAsync($"/Classes/Details/{c.Id}")).ReadHtmlAsync();
        var shown = details.QuerySelector("[data-testid=conditions]")!.TextContent;
        Assert.Contains("必修 8 学时", shown);
        Assert.Contains(course.Title, shown);
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "设置培训班结业条件" && a.Detail.Contains(c.Name))));

        var again = await district.DrawnFormAsync(Url(c.Id), "[data-testid=conditions-form]");
        Assert.Equal("8", again.Fields["RequiredHours"]);
        Assert.Equal(course.Id.ToString(), again.Fields["CourseIds"]);
    }

    [Fact]
    public async Task Should_answer_bad_hours_beside_the_field_and_keep_what_was_typed()
    {
        var c = await world.ClassAsync([0], []);
        var district = await app.SignInAsync(ClassWorld.District);

        using var letters = await SaveAsync(district, c.Id, "八", "", [], []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, letters.StatusCode);
        var page = await letters.ReadHtmlAsync();
        Assert.Contains("必修学时应为数字", page.Body!.TextContent);
        Assert.Equal("八", page.QuerySelector("input[name=RequiredHours]")!.GetAttribute("value"));

        using var thirds = await SaveAsync(district, c.Id, "2.3", "", [], []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, thirds.StatusCode);
        Assert.Contains("以 0.5 为单位", await thirds.TextAsync());
        Assert.Null(await app.WithDbAsync(db => db.TrainingClasses.Where(x => x.Id == c.Id).Select(x => x.RequiredHours).SingleAsync()));
    }

    [Fact]
    public async Task Should_refuse_a_course_the_participants_cannot_open()
    {
        var otherDistricts = await app.CourseAsync(ownerCode: "440103"); // 荔湾区's own course
        var draft = await app.CourseAsync(publish: false, ownerCode: ClassWorld.OwnDistrict);
        var c = await world.ClassAsync([0], []);
        var district = await app.SignInAsync(ClassWorld.District);

        var page = await (await district.GetAsync(Url(c.Id))).ReadHtmlAsync();
        var offered = page.QuerySelectorAll("input[name=CourseIds]").Select(i => i.GetAttribute("value")).ToList();
        Assert.DoesNotContain(otherDistricts.Id.ToString(), offered);
        Assert.DoesNotContain(draft.Id.ToString(), offered);

        using var posted = await SaveAsync(district, c.Id, "", "", [otherDistricts.Id], []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        Assert.Contains("学员无法学习", await posted.TextAsync());
    }

    [Fact]
    public async Task Should_keep_the_conditions_from_other_units_and_from_a_township()
    {
        var c = await world.ClassAsync([0], []);
        AssertRefused(await (await app.SignInAsync("township-440111103")).GetAsync(Url(c.Id)), orNotFound: true);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync("district-440103")).GetAsync(Url(c.Id))).StatusCode);
    }

    [Fact]
    public async Task Should_show_the_participant_what_is_missing_and_graduate_once_everything_is_met()
    {
        var course = await app.CourseAsync();
        var (_, quiz) = await app.QuizCourseAsync();
        var (personId, userName) = await world.TraineeAsync();
        var c = await world.ClassAsync([0], [personId], completionPercent: 100);
        var district = await app.SignInAsync(ClassWorld.District);
        using (var saved = await SaveAsync(district, c.Id, "10", "", [course.Id], [quiz])) Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var trainee = await app.SignInAsync(userName, ClassWorld.TraineePassword);

        var before = await MineAsync(trainee, c.Id);
        Assert.Equal(nameof(ClassCompletion.InProgress), before.Completion);
        Assert.Equal(["Attendance", "RequiredHours", "Course", "Quiz"], before.Checks.Select(x => x.Condition));
        Assert.All(before.Checks, x => Assert.False(x.Met));
        Assert.Contains("还差 10", before.Text);

        await app.AttendanceAsync(c.Id, c.Sessions[0], c.Participants[0]);
        await app.CreditAsync(personId, ClassWorld.Today, 10, required: true, StudySource.Offline, null);
        await app.CreditAsync(personId, ClassWorld.Today, 1, required: false, StudySource.OnlineCourse, course.Id);
        var almost = await MineAsync(trainee, c.Id);
        Assert.Equal(["Quiz"], almost.Checks.Where(x => !x.Met).Select(x => x.Condition));
        Assert.Contains("去测验", almost.Text);

        await app.PassQuizAsync(personId, quiz);
        var after = await MineAsync(trainee, c.Id);
        Assert.Equal(nameof(ClassCompletion.Completed), after.Completion);
        Assert.All(after.Checks, x => Assert.True(x.Met));
    }

    [Fact]
    public async Task Should_show_on_the_class_page_each_credit_and_quiz_passed_at_once()
    {
        // The participants' facts are kept between requests: hours credited or a quiz passed since must show.
        var (_, quiz) = await app.QuizCourseAsync();
        var personId = await world.PersonAsync();
        var c = await world.ClassAsync([0], [personId], completionPercent: 100);
        var district = await app.SignInAsync(ClassWorld.District);
        using (var saved = await SaveAsync(district, c.Id, "10", "", [], [quiz])) Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await app.AttendanceAsync(c.Id, c.Sessions[0], c.Participants[0]);
        Assert.Equal((nameof(ClassCompletion.InProgress), "差 2 项"), await RowAsync(district, c.Id, personId));

        await app.CreditAsync(personId, ClassWorld.Today, 10, required: true, StudySource.Offline, null);
        Assert.Equal((nameof(ClassCompletion.InProgress), "差 1 项"), await RowAsync(district, c.Id, personId));

        await app.PassQuizAsync(personId, quiz);
        Assert.Equal((nameof(ClassCompletion.Completed), ""), await RowAsync(district, c.Id, personId));
    }

    private static async Task<(string Completion, string Missing)> RowAsync(HttpClient client, int classId, int personId)
    {
        var row = (await (await client.GetAsync($"/Classes/Details/{classId}")).ReadHtmlAsync())
            .QuerySelector($"[data-testid=participant-rows] tr[data-person='{personId}']")!;
        return (row.GetAttribute("data-completion")!, row.QuerySelector("[data-testid=missing]")?.TextContent.Trim() ?? "");
    }

    [Fact]
    public async Task Should_show_a_required_course_under_its_new_title_at_once()
    {
        // The terms are kept between requests (they change when staff edit a class): a course renamed since must show.
        var course = await app.CourseAsync();
        var c = await world.ClassAsync([0], [await world.PersonAsync()]);
        var district = await app.SignInAsync(ClassWorld.District);
        using (var saved = await SaveAsync(district, c.Id, "", "", [course.Id], [])) Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(course.Title, await ConditionsShownAsync(district, c.Id));

        var renamed = course.Title + "（修订）";
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Courses.SingleAsync(x => x.Id == course.Id);
            stored.Change(renamed, stored.Category, stored.Description, stored.QuizEarnsHours);
            return await db.SaveChangesAsync();
        });

        Assert.Contains(renamed, await ConditionsShownAsync(district, c.Id));
    }

    private static async Task<string> ConditionsShownAsync(HttpClient client, int classId) =>
        (await (await client.GetAsync($"/Classes/Details/{classId}")).ReadHtmlAsync()).QuerySelector("[data-testid=conditions]")!.TextContent;

    private sealed record Checklist(string Completion, IReadOnlyList<(string Condition, bool Met)> Checks, string Text);

    private static async Task<Checklist> MineAsync(HttpClient trainee, int classId)
    {
        var page = await (await trainee.GetAsync("/Classes/Mine")).ReadHtmlAsync();
        var card = page.QuerySelector($"[data-testid=my-class][data-class='{classId}']")!;
        return new Checklist(card.QuerySelector("[data-testid=my-completion]")!.GetAttribute("data-completion")!,
            card.QuerySelectorAll("[data-testid=my-checklist] li")
                .Select(li => (li.GetAttribute("data-condition")!, li.GetAttribute("data-met") == "true")).ToList(),
            card.TextContent);
    }
}
