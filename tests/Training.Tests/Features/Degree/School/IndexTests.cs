using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Features.Degree.Enrollments;
using Training.Tests.Infrastructure;

using Training.Tests.Infrastructure.Builders;

// Not "…Features.Degree.School": that namespace would hide Training.Core.Domain.School in the other test folders.
namespace Training.Tests.Features.Degree.Registrar;

/// <summary>The page /School.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : RegistrarTestBase(appArg)
{
    [Fact]
    public async Task Should_not_let_a_registrar_see_or_act_on_another_schools_enrollment()
    {
        var e = await app.AdmittedAsync(atFirstSchool: false);
        var client = await app.SignInAsync("school-1");

        using var details = await client.GetAsync(DetailsUrl(e.EnrollmentId));
        using var list = await client.GetAsync("/School?q=" + Uri.EscapeDataString(e.Name));
        using var graduate = await client.PostFormAsync("/School", $"{DetailsUrl(e.EnrollmentId)}?handler=Graduate",
            new Dictionary<string, string>(Graduation("2025-07-01")) { ["Version"] = Guid.Empty.ToString() });
        using var withdraw = await client.PostFormAsync("/School", $"{DetailsUrl(e.EnrollmentId)}?handler=Withdraw",
            new Dictionary<string, string> { ["Withdrawal.On"] = "2023-05-10", ["Withdrawal.Reason"] = "x", ["Version"] = Guid.Empty.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        Assert.DoesNotContain(e.Name, await details.TextAsync());
        Assert.Empty((await list.ReadHtmlAsync()).QuerySelectorAll("[data-enrollment-id]"));
        Assert.Equal(HttpStatusCode.NotFound, graduate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(EnrollmentState.Admitted, (await StoredAsync(e.EnrollmentId)).State);
    }

    [Fact]
    public async Task Should_list_the_own_schools_enrollments_found_by_name()
    {
        var e = await app.AdmittedAsync();
        var client = await app.SignInAsync("school-1");

        using var list = await client.GetAsync($"/School?q={Uri.EscapeDataString(e.Name)}&year={TestEnrollments.Year}&state=Admitted");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var ids = (await list.ReadHtmlAsync()).QuerySelectorAll("[data-enrollment-id]").Select(r => r.GetAttribute("data-enrollment-id")).ToList();
        Assert.Equal([e.EnrollmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)], ids);
    }

    [Fact]
    public async Task Should_page_the_schools_students_by_year_program_and_name_and_show_a_new_one_at_once()
    {
        // More than a page, whatever ran before: past the last page the pager shows the last one again.
        while ((await ExpectedAsync()).Count <= Training.Web.Features.Degree.Registrar.IndexModel.PageSize) await app.AdmittedAsync();
        var client = await app.SignInAsync("school-1");
        var url = $"/School?year={TestEnrollments.Year}&state=Admitted";
        Assert.Equal((await ExpectedAsync()).Take(2 * Training.Web.Features.Degree.Registrar.IndexModel.PageSize), [.. await ShownAsync(client, url), .. await ShownAsync(client, url + "&p=2")]);

        var added = await app.AdmittedAsync(); // the order was kept by the reads above: a new student is in it at once

        var expected = await ExpectedAsync();
        Assert.Contains(added.EnrollmentId, expected);
        var page = expected.IndexOf(added.EnrollmentId) / Training.Web.Features.Degree.Registrar.IndexModel.PageSize + 1;
        var start = (page - 1) * Training.Web.Features.Degree.Registrar.IndexModel.PageSize;
        Assert.Equal(expected.Skip(start).Take(Training.Web.Features.Degree.Registrar.IndexModel.PageSize), await ShownAsync(client, url + $"&p={page}"));
    }

    [Fact]
    public async Task Should_show_a_graduation_in_the_kept_rows_at_once()
    {
        var e = await app.AdmittedAsync();
        var client = await app.SignInAsync("school-1");
        var url = $"/School?year={TestEnrollments.Year}";
        string StateOf(AngleSharp.Html.Dom.IHtmlDocument html) =>
            html.QuerySelector($"[data-enrollment-id='{e.EnrollmentId}'] td[data-label=状态]")!.TextContent.Trim();
        var at = await PageOfAsync(client, url, e.EnrollmentId);
        using (var before = await client.GetAsync(at)) Assert.Equal(EnrollmentState.Admitted.Name(), StateOf(await before.ReadHtmlAsync()));

        await app.WithDbAsync(async db =>
        {
            var stored = await db.Enrollments.Include(x => x.Person).Include(x => x.Program).Include(x => x.Transitions).SingleAsync(x => x.Id == e.EnrollmentId);
            stored.Graduate("test-school", new DateOnly(2025, 7, 1), "GZCVU-2025-0099", TestPeople.Today, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        using var after = await client.GetAsync(at);
        Assert.Equal(EnrollmentState.Graduated.Name(), StateOf(await after.ReadHtmlAsync()));
    }

    /// <summary>The URL of the page of <paramref name="url"/> that lists the enrollment.</summary>
    private static async Task<string> PageOfAsync(HttpClient client, string url, int enrollmentId)
    {
        for (var p = 1; p < 100; p++)
        {
            var at = url + $"&p={p}";
            var shown = await ShownAsync(client, at);
            if (shown.Contains(enrollmentId)) return at;
            if (shown.Count < Training.Web.Features.Degree.Registrar.IndexModel.PageSize) break;
        }
        throw new InvalidOperationException($"enrollment {enrollmentId} is on no page of {url}");
    }

    private static async Task<List<int>> ShownAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (await response.ReadHtmlAsync()).QuerySelectorAll("[data-enrollment-id]")
            .Select(r => int.Parse(r.GetAttribute("data-enrollment-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    private Task<List<int>> ExpectedAsync() => app.WithDbAsync(async db =>
    {
        var schoolId = await db.Users.Where(u => u.UserName == "school-1").Select(u => u.SchoolId).SingleAsync();
        return (await db.Enrollments
                .Where(e => e.Program.SchoolId == schoolId && e.Year == TestEnrollments.Year && e.State == EnrollmentState.Admitted)
                .Select(e => new { e.Id, e.Year, Program = e.Program.Name, Name = e.Person.Name }).ToListAsync())
            .OrderByDescending(e => e.Year).ThenBy(e => e.Program, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id)
            .Select(e => e.Id).ToList();
    });
}
