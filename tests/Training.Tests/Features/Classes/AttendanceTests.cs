using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure;

using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Classes;

/// <summary>
/// 考勤 on a phone: the district that runs the class ticks who came; the marks are stored, the
/// counts told, a future session refused, a class changed meanwhile answered 409 with the ticks
/// kept; another district or a township never reaches the session. Every test makes its own class.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AttendanceTests(AppFixture app)
{
    private readonly ClassWorld world = new(app);

    [Fact]
    public async Task Should_list_every_participant_unticked_before_attendance_is_taken()
    {
        var people = new[] { await world.PersonAsync(), await world.PersonAsync(), await world.PersonAsync() };
        var c = await world.ClassAsync([0], people);

        var form = await AttendanceForm.GetAsync(await app.SignInAsync(ClassWorld.District), c.Sessions[0]);

        Assert.Equal(c.Participants.Order(), form.Boxes.Keys.Order());
        Assert.All(form.Boxes.Values, ticked => Assert.False(ticked));
        Assert.Contains(c.Name, form.Text);
        Assert.Contains("汉塘村委会", form.Text);
        Assert.Equal("0 / 3 人", form.Count);
        Assert.NotNull(form.Document.QuerySelector("[data-testid=all-present]"));
    }

    [Fact]
    public async Task Should_store_the_marks_tell_the_counts_and_audit_the_recording()
    {
        var people = new[] { await world.PersonAsync(), await world.PersonAsync(), await world.PersonAsync() };
        var c = await world.ClassAsync([0], people);
        var district = await app.SignInAsync(ClassWorld.District);
        var form = await AttendanceForm.GetAsync(district, c.Sessions[0]);

        using var saved = await form.PostAsync(district, c.Participants[0], c.Participants[2]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Classes/Attendance/{c.Sessions[0]}", saved.Headers.Location?.OriginalString);
        Assert.Equal(new[] { true, false, true }, await world.MarksAsync(c.Sessions[0], c.Participants));
        var again = await AttendanceForm.GetAsync(district, c.Sessions[0]);
        Assert.Contains("已保存考勤：出勤 2 人，缺勤 1 人。", again.Text);
        Assert.Equal("2 / 3 人", again.Count);
        Assert.Equal([true, false, true], c.Participants.Select(p => again.Boxes[p]));
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a =>
            a.UserName == ClassWorld.District && a.Action == "登记考勤" && a.Detail.Contains(c.Name) && a.Detail.Contains("出勤 2 人，缺勤 1 人"))));
    }

    [Fact]
    public async Task Should_replace_the_marks_when_attendance_is_saved_again()
    {
        var people = new[] { await world.PersonAsync(), await world.PersonAsync() };
        var c = await world.ClassAsync([-1], people);
        var district = await app.SignInAsync(ClassWorld.District);
        using (var first = await (await AttendanceForm.GetAsync(district, c.Sessions[0])).PostAsync(district, c.Participants))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var second = await (await AttendanceForm.GetAsync(district, c.Sessions[0])).PostAsync(district, c.Participants[1]);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(new[] { false, true }, await world.MarksAsync(c.Sessions[0], c.Participants));
        Assert.Equal(2, await app.WithDbAsync(db => db.SessionAttendance.CountAsync(a => a.SessionId == c.Sessions[0])));
    }

    [Fact]
    public async Task Should_tick_everyone_with_all_present_without_saving()
    {
        var people = new[] { await world.PersonAsync(), await world.PersonAsync() };
        var c = await world.ClassAsync([0], people);
        var district = await app.SignInAsync(ClassWorld.District);
        var form = await AttendanceForm.GetAsync(district, c.Sessions[0]);

        using var all = await form.PostAsync(district, handler: "All");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var shown = AttendanceForm.Read(await all.ReadHtmlAsync());
        Assert.All(c.Participants, p => Assert.True(shown.Boxes[p]));
        Assert.Equal("2 / 2 人", shown.Count);
        Assert.Equal(form.Version, shown.Version);
        Assert.False(await app.WithDbAsync(db => db.SessionAttendance.AnyAsync(a => a.SessionId == c.Sessions[0])));
    }

    [Fact]
    public async Task Should_refuse_a_future_session_with_the_domain_message_and_store_nothing()
    {
        var people = new[] { await world.PersonAsync() };
        var c = await world.ClassAsync([2], people);
        var district = await app.SignInAsync(ClassWorld.District);
        var form = await AttendanceForm.GetAsync(district, c.Sessions[0]);

        using var response = await form.PostAsync(district, c.Participants[0]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var on = ClassWorld.Today.AddDays(2);
        Assert.Contains($"该课次在 {on:yyyy-MM-dd}，当天起才能登记考勤。", await response.TextAsync());
        Assert.False(await app.WithDbAsync(db => db.SessionAttendance.AnyAsync(a => a.SessionId == c.Sessions[0])));
    }

    [Fact]
    public async Task Should_answer_409_keeping_the_ticks_when_someone_else_changed_the_class()
    {
        var people = new[] { await world.PersonAsync(), await world.PersonAsync(), await world.PersonAsync() };
        var c = await world.ClassAsync([0], people);
        var district = await app.SignInAsync(ClassWorld.District);
        var form = await AttendanceForm.GetAsync(district, c.Sessions[0]);
        await world.AddSessionAsync(c.Id, 1); // someone else changes the class meanwhile

        using var stale = await form.PostAsync(district, c.Participants[1]);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var shown = AttendanceForm.Read(await stale.ReadHtmlAsync());
        Assert.Contains(CommonTexts.Changed, shown.Text);
        Assert.Equal([false, true, false], c.Participants.Select(p => shown.Boxes[p]));
        Assert.False(await app.WithDbAsync(db => db.SessionAttendance.AnyAsync(a => a.SessionId == c.Sessions[0])));

        // The form came back with the current version: saving the kept ticks again now goes through.
        Assert.NotEqual(form.Version, shown.Version);
        using var retried = await shown.PostAsync(district, c.Participants[1]);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal(new[] { false, true, false }, await world.MarksAsync(c.Sessions[0], c.Participants));
    }

    [Fact]
    public async Task Should_let_the_city_take_attendance_of_a_district_class()
    {
        var people = new[] { await world.PersonAsync() };
        var c = await world.ClassAsync([0], people);
        var city = await app.SignInAsync("city");

        using var saved = await (await AttendanceForm.GetAsync(city, c.Sessions[0])).PostAsync(city, c.Participants[0]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new[] { true }, await world.MarksAsync(c.Sessions[0], c.Participants));
    }

    [Fact]
    public async Task Should_not_find_the_session_for_another_district()
    {
        var people = new[] { await world.PersonAsync() };
        var c = await world.ClassAsync([0], people);
        var other = await app.SignInAsync("district-440103");

        using var get = await other.GetAsync($"/Classes/Attendance/{c.Sessions[0]}");
        using var post = await other.PostFormAsync("/", $"/Classes/Attendance/{c.Sessions[0]}",
            new Dictionary<string, string> { ["Present"] = c.Participants[0].ToString(), ["Version"] = Guid.Empty.ToString() });
        using var all = await other.PostFormAsync("/", $"/Classes/Attendance/{c.Sessions[0]}?handler=All", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, all.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.SessionAttendance.AnyAsync(a => a.SessionId == c.Sessions[0])));
    }

    [Fact]
    public async Task Should_not_let_a_district_take_attendance_of_a_city_class_it_may_see()
    {
        var c = await world.ClassAsync([0], [await world.PersonAsync()], ownerCode: "440100");

        using var response = await (await app.SignInAsync(ClassWorld.District)).GetAsync($"/Classes/Attendance/{c.Sessions[0]}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("township-440111103")]
    [InlineData("village-440111103201")]
    [InlineData("trainee-demo")]
    public async Task Should_refuse_accounts_that_do_not_run_classes(string account)
    {
        var people = new[] { await world.PersonAsync() };
        var c = await world.ClassAsync([0], people);
        var client = await app.SignInAsync(account);

        using var get = await client.GetAsync($"/Classes/Attendance/{c.Sessions[0]}");
        using var post = await client.PostFormAsync("/", $"/Classes/Attendance/{c.Sessions[0]}",
            new Dictionary<string, string> { ["Present"] = c.Participants[0].ToString(), ["Version"] = Guid.Empty.ToString() });

        AssertRefused(get);
        AssertRefused(post);
        Assert.False(await app.WithDbAsync(db => db.SessionAttendance.AnyAsync(a => a.SessionId == c.Sessions[0])));
    }

    [Fact]
    public async Task Should_not_find_a_session_that_does_not_exist()
    {
        using var response = await (await app.SignInAsync(ClassWorld.District)).GetAsync("/Classes/Attendance/999999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>The attendance form as a phone shows it: the token, the version seen, every row's box.</summary>
internal sealed record AttendanceForm(IHtmlDocument Document, int SessionId, string Token, string Version, IReadOnlyDictionary<int, bool> Boxes)
{
    public string Text => Document.Body?.TextContent ?? "";
    public string Count => string.Join(' ', (Document.QuerySelector("[data-testid=attendance-count]")?.TextContent ?? "")
        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static async Task<AttendanceForm> GetAsync(HttpClient client, int sessionId)
    {
        using var page = await client.GetAsync($"/Classes/Attendance/{sessionId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return Read(await page.ReadHtmlAsync());
    }

    public static AttendanceForm Read(IHtmlDocument document)
    {
        var form = document.QuerySelector("form[data-testid=attendance-form]");
        Assert.True(form is not null, "页面没有考勤表单。");
        var action = System.Net.WebUtility.HtmlDecode(form.GetAttribute("action") ?? "");
        var boxes = form.QuerySelectorAll("input[type=checkbox][name=Present]").OfType<IHtmlInputElement>()
            .ToDictionary(b => int.Parse(b.Value), b => b.IsChecked);
        return new(document, int.Parse(action.Split('/').Last().Split('?')[0]),
            form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            form.QuerySelector("input[name=Version]")!.GetAttribute("value")!, boxes);
    }

    /// <summary>Posts as a browser does: one Present field per ticked box.</summary>
    public Task<HttpResponseMessage> PostAsync(HttpClient client, params int[] present) => PostAsync(client, null, present);

    public Task<HttpResponseMessage> PostAsync(HttpClient client, string? handler, params int[] present)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Token), new("Version", Version),
        };
        fields.AddRange(present.Select(id => new KeyValuePair<string, string>("Present", id.ToString())));
        var url = $"/Classes/Attendance/{SessionId}" + (handler is null ? "" : $"?handler={handler}");
        return client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}

/// <summary>Classes, sessions and persons made through the domain straight into the fixture's database.</summary>
internal sealed class ClassWorld(AppFixture app)
{
    public const string District = "district-440111";
    public const string OwnDistrict = "440111";
    public const string Village = "440111103201"; // 汉塘村委会, 人和镇, 白云区
    public const string TraineePassword = "Str0ng!class";

    public static DateOnly Today => TimeProvider.System.Today();

    public sealed record TestClass(int Id, string Name, int[] Sessions, int[] Participants);

    /// <summary>A fresh person of <paramref name="villageCode"/>; the ID's 17th digit gives the sex.</summary>
    public Task<int> PersonAsync(string villageCode = Village, Sex sex = Sex.Male) =>
        app.WithDbAsync(async db =>
        {
            var village = await db.OrgUnits.SingleAsync(u => u.Code == villageCode);
            string id;
            do
            {
                var birth = new DateOnly(1975, 1, 1).AddDays(Random.Shared.Next(0, 9000));
                var first17 = $"{villageCode[..6]}{birth:yyyyMMdd}{Random.Shared.Next(0, 100):00}{(sex == Sex.Male ? 1 : 2) + 2 * Random.Shared.Next(0, 4)}";
                id = first17 + ResidentId.CheckCharacter(first17);
            } while (await db.Persons.AnyAsync(p => p.IdNumber == id));
            var person = Person.Register(id, "学员" + Guid.NewGuid().ToString("N")[..6], null, PoliticalStatus.PartyMember,
                Education.HighSchool, village, Today, DateTime.UtcNow);
            db.Persons.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });

    public Task<int> DemoTraineePersonAsync() =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == "trainee-demo").Select(u => u.PersonId!.Value).SingleAsync());

    /// <summary>A fresh person and a Trainee account bound to it.</summary>
    public async Task<(int PersonId, string UserName)> TraineeAsync()
    {
        var personId = await PersonAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = "class-" + Guid.NewGuid().ToString("N")[..10], DisplayName = "学员", Role = Roles.Trainee,
            PersonId = personId, CreatedAt = DateTime.UtcNow, LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, TraineePassword);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Trainee);
        return (personId, user.UserName);
    }

    /// <summary>
    /// A class run by <paramref name="ownerCode"/> from <paramref name="startDay"/> to <paramref name="endDay"/>
    /// (days from today), a session on each of <paramref name="sessionDays"/>, the persons enrolled
    /// (on its first day when it is already over). Participants come back in the order of the persons.
    /// </summary>
    public Task<TestClass> ClassAsync(int[] sessionDays, int[] personIds, string ownerCode = OwnDistrict,
        int startDay = -30, int endDay = 30, int completionPercent = 80, SessionLength length = SessionLength.FullDay) =>
        app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var owner = await db.OrgUnits.SingleAsync(u => u.Code == ownerCode);
            var name = "考勤测试班" + Guid.NewGuid().ToString("N")[..6];
            var c = TrainingClass.Create(owner, name, Today.AddDays(startDay), Today.AddDays(endDay), 50, null,
                ClassAudience.Any, completionPercent, null, "test", now);
            var sessions = sessionDays.Select((d, i) => c.AddSession(Today.AddDays(d), $"第{i + 1}讲", length)).ToList();
            var enrolledOn = endDay < 0 ? Today.AddDays(startDay) : Today;
            var persons = new List<Person>();
            foreach (var id in personIds)
                persons.Add(await db.Persons.Include(p => p.Village).Include(p => p.Posts).SingleAsync(p => p.Id == id));
            var participants = persons.Select(p => c.Enroll(p, [], "test", enrolledOn, now)).ToList();
            db.TrainingClasses.Add(c);
            await db.SaveChangesAsync();
            return new TestClass(c.Id, name, sessions.Select(s => s.Id).ToArray(), participants.Select(p => p.Id).ToArray());
        });

    /// <summary>Someone else changes the class: a session more moves its version.</summary>
    public Task AddSessionAsync(int classId, int day) =>
        app.WithDbAsync(async db =>
        {
            var c = await db.TrainingClasses.Include(x => x.Sessions).SingleAsync(x => x.Id == classId);
            c.AddSession(Today.AddDays(day), "加课");
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>Each participant's mark on the session in the given order: true present, false absent; throws if missing.</summary>
    public Task<bool[]> MarksAsync(int sessionId, int[] participantIds) =>
        app.WithDbAsync(async db =>
        {
            var marks = await db.SessionAttendance.Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.ParticipantId, a => a.Present);
            return participantIds.Select(id => marks[id]).ToArray();
        });
}
