using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Degree;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Degree.Reviews;

/// <summary>
/// Review of degree applications (PRODUCT.md §5): township → district → city, return and reject
/// with a reason, the wrong level refused, two reviewers at once, the district quota at
/// admission, bulk approval row by row, and scope. Every test makes its own applicants.
/// </summary>
public abstract class ReviewTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    protected const string Township = "township-440111103";
    protected const string District = "district-440111";
    protected const string City = "city";
    protected const string OwnVillage = "440111103201";

    // ---------------------------------------------------------------- helpers

    protected static void AssertStep(EnrollmentTransition t, EnrollmentAction action, EnrollmentState from, EnrollmentState to, string account, string comment)
    {
        Assert.Equal(action, t.Action);
        Assert.Equal(from, t.From);
        Assert.Equal(to, t.To);
        Assert.Contains(account, t.Actor);
        Assert.Equal(comment, t.Comment);
        Assert.InRange(t.At, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }

    /// <summary>A fresh two-committee cadre with 高中/中专 in <paramref name="villageCode"/>, applied for a 大专 program and submitted, then moved on to <paramref name="upTo"/>.</summary>
    protected Task<int> ApplicantAsync(string villageCode = OwnVillage, int? cohortId = null, EnrollmentState upTo = EnrollmentState.Submitted) =>
        app.WithDbAsync(async db =>
        {
            var today = TimeProvider.System.Today();
            var now = DateTime.UtcNow;
            var village = await db.OrgUnits.SingleAsync(u => u.Code == villageCode);
            var cohort = await db.Cohorts.Include(c => c.Fees).ThenInclude(f => f.Program)
                .Where(c => cohortId == null ? c.Year == 2026 : c.Id == cohortId).SingleAsync();
            var offering = cohort.Fees.OrderBy(f => f.Id).First(f => f.Program.Level == DegreeLevel.Associate);
            var person = Person.Register(await TestPeople.FreeIdNumberAsync(db, villageCode[..6]), "审核测试" + Guid.NewGuid().ToString("N")[..6],
                null, PoliticalStatus.Masses, Education.HighSchool, village, today, now);
            person.AddPost(village, PostType.CommitteeMember, today.AddYears(-2));
            db.Persons.Add(person);
            await db.SaveChangesAsync();

            var enrollment = Enrollment.Draft(person, cohort, offering,
                new Eligibility.Facts(true, false, false, false, Education.HighSchool, false), now);
            enrollment.Submit("trainee", cohort, today, now);
            if (upTo >= EnrollmentState.TownshipApproved) enrollment.ApproveByTownship("test-township", "", today, now);
            if (upTo >= EnrollmentState.DistrictApproved) enrollment.ApproveByDistrict("test-district", "", today, now);
            db.Enrollments.Add(enrollment);
            await db.SaveChangesAsync();
            return enrollment.Id;
        });

    /// <summary>A cohort of an unused year, open today, offering one 大专 program, with <paramref name="quota"/> places for one district.</summary>
    protected Task<int> CohortWithQuotaAsync(string districtCode, int quota) =>
        app.WithDbAsync(async db =>
        {
            var today = TimeProvider.System.Today();
            var years = await db.Cohorts.Select(c => c.Year).ToListAsync();
            var year = Enumerable.Range(2040, 60).First(y => !years.Contains(y));
            var cohort = Cohort.Create(year, $"{year}年名额测试批次", today.AddDays(-1), today.AddDays(30), Cohort.MinimumCityQuota);
            cohort.SetDistrictQuota(await db.OrgUnits.SingleAsync(u => u.Code == districtCode), quota);
            var program = await db.Programs.Where(p => p.Level == DegreeLevel.Associate).OrderBy(p => p.Id).FirstAsync();
            cohort.Offer(program, new FeeSplit(6_000_00, 3_000_00, 1_500_00, FeeSplit.DefaultSelfPaidFen));
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort.Id;
        });

    protected Task<Enrollment> LoadAsync(int id) =>
        app.WithDbAsync(db => db.Enrollments.AsNoTracking().Include(e => e.Transitions).SingleAsync(e => e.Id == id));

    protected Task<List<string>> NotificationsAsync(int personId) =>
        app.WithDbAsync(db => db.Notifications.Where(n => n.PersonId == personId).Select(n => n.Text).ToListAsync());

    /// <summary>The form of one decision as the details page draws it: its action, token and the version it shows.</summary>
    protected static Task<DrawnForm> FormAsync(HttpClient client, int id, string handler) =>
        client.DrawnFormAsync($"/Reviews/Details/{id}", "form", DrawnForms.Handler(handler));

    /// <summary>Loads the details page as a browser does, then posts the chosen decision with the version it showed.</summary>
    protected static async Task<HttpResponseMessage> DecideAsync(HttpClient client, int id, string handler, (string Name, string Value) field, HttpStatusCode expect)
    {
        var form = await FormAsync(client, id, handler);
        var response = await client.PostAsync(form.Action, form.With(field));
        if (response.StatusCode != expect)
            Assert.Fail($"{handler} on {id}: expected {(int)expect}, got {(int)response.StatusCode}: {Squash(await response.TextAsync())}");
        return response;
    }

    protected static async Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var page = await client.GetAsync(pageUrl);
        var token = (await page.ReadHtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    protected static async Task<List<int>> QueueIdsAsync(HttpClient client, string url)
    {
        var ids = new List<int>();
        for (var page = 1; page <= 50; page++)
        {
            using var response = await client.GetAsync(url + "&p=" + page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = await response.ReadHtmlAsync();
            ids.AddRange(document.QuerySelectorAll("tr[data-enrollment]").Select(r => int.Parse(r.GetAttribute("data-enrollment")!)));
            if (!document.QuerySelectorAll(".pager a").Any(a => a.TextContent.Contains("下一页"))) break;
        }
        return ids;
    }

    protected static string Squash(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) is var s && s.Length > 600 ? s[..600] : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
