using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Classes;

/// <summary>Fresh rows for the class management tests: every test makes its own classes and persons.</summary>
internal sealed class ClassesData(AppFixture app)
{
    public const string District = "district-440111";
    public const string OtherDistrict = "district-440103";
    public const string City = "city";
    public const string Township = "township-440111103";
    public const string OtherTownship = "township-440103001";
    public const string Village = "village-440111103201";
    /// <summary>汉塘村委会 (人和镇, 白云区): the village of the demo village account.</summary>
    public const string OwnVillage = "440111103201";

    public static DateOnly Today => TimeProvider.System.Today();

    /// <summary>A village of the township (or district) <paramref name="unitCode"/>, e.g. another township's village of 白云区.</summary>
    public Task<string> VillageUnderAsync(string unitCode, string? notUnder = null) =>
        app.WithDbAsync(db => db.OrgUnits
            .Where(u => u.Level == OrgLevel.Village && u.Path.Contains("/" + unitCode + "/")
                && (notUnder == null || !u.Path.Contains("/" + notUnder + "/")))
            .OrderBy(u => u.Code).Select(u => u.Code).FirstAsync());

    /// <summary>A fresh person of <paramref name="villageCode"/> whose ID number says <paramref name="sex"/>; a 两委 cadre if asked.</summary>
    public Task<int> PersonAsync(string villageCode, Sex sex, bool cadre = false) =>
        app.PersonAsync(villageCode, "学员", sex, cadre ? Today.AddYears(-1) : null);

    /// <summary>A class run by the unit <paramref name="ownerCode"/> (city 440100 or a district), made through the domain.</summary>
    public Task<int> ClassAsync(string ownerCode, int capacity = 30, Sex? sexOnly = null, ClassAudience audience = ClassAudience.Any,
        int startDay = 0, int endDay = 30, int percent = TrainingClass.DefaultCompletionPercent) =>
        app.WithDbAsync(async db =>
        {
            var owner = await db.OrgUnits.SingleAsync(u => u.Code == ownerCode);
            var c = TrainingClass.Create(owner, "测试培训班" + Guid.NewGuid().ToString("N")[..6], Today.AddDays(startDay), Today.AddDays(endDay),
                capacity, sexOnly, audience, percent, null, "test", DateTime.UtcNow);
            db.TrainingClasses.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });

    /// <summary>Enrols persons straight through the domain (as of the class's first day, so a class already over can have them).</summary>
    public Task<int[]> EnrolAsync(int classId, params int[] personIds) =>
        app.WithDbAsync(async db =>
        {
            var c = await db.TrainingClasses.Include(x => x.Owner).Include(x => x.Participants).SingleAsync(x => x.Id == classId);
            var added = new List<ClassParticipant>();
            foreach (var id in personIds)
            {
                var person = await db.Persons.Include(p => p.Village).Include(p => p.Posts).SingleAsync(p => p.Id == id);
                added.Add(c.Enroll(person, [], "test", c.StartOn, DateTime.UtcNow));
            }
            await db.SaveChangesAsync();
            return added.Select(p => p.Id).ToArray();
        });

    public Task<int> SessionAsync(int classId, int day, string title = "课次") =>
        app.WithDbAsync(async db =>
        {
            var c = await db.TrainingClasses.Include(x => x.Sessions).SingleAsync(x => x.Id == classId);
            var s = c.AddSession(Today.AddDays(day), title);
            await db.SaveChangesAsync();
            return s.Id;
        });

    /// <summary>Takes attendance straight through the domain.</summary>
    public Task AttendanceAsync(int classId, int sessionId, params int[] presentParticipantIds) =>
        app.WithDbAsync(async db =>
        {
            var c = await db.TrainingClasses.Include(x => x.Participants)
                .Include(x => x.Sessions).ThenInclude(s => s.Attendance).AsSplitQuery().SingleAsync(x => x.Id == classId);
            c.RecordAttendance(c.Sessions.Single(s => s.Id == sessionId), presentParticipantIds, "test", Today, DateTime.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });

    public Task<Guid> VersionAsync(int classId) =>
        app.WithDbAsync(db => db.TrainingClasses.Where(c => c.Id == classId).Select(c => c.Version).SingleAsync());

    public Task<List<int>> ParticipantsAsync(int classId) =>
        app.WithDbAsync(db => db.ClassParticipants.Where(p => p.ClassId == classId).OrderBy(p => p.Id).Select(p => p.PersonId).ToListAsync());

    public Task<string> PersonNameAsync(int personId) =>
        app.WithDbAsync(db => db.Persons.Where(p => p.Id == personId).Select(p => p.Name).SingleAsync());

    /// <summary>报名 as the page does it: the class's version as shown.</summary>
    public static async Task<HttpResponseMessage> EnrolByPageAsync(HttpClient client, int classId, int personId, Guid version) =>
        await client.PostFormAsync($"/Classes/Details/{classId}", $"/Classes/Details/{classId}?handler=Enrol",
            new Dictionary<string, string> { ["PersonId"] = personId.ToString(), ["Version"] = version.ToString() });

    public static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadHtmlAsync();
    }

    /// <summary>A refusal by role: 403 or the redirect to the 无权访问 page, never a success.</summary>
    public static void AssertRefused(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/Denied") == true),
            $"expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
}
