using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Degree.Enrollments;

/// <summary>The page /Enrollments.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : EnrollmentsTestBase(appArg)
{
    [Fact]
    public async Task Should_not_record_a_payment_for_another_districts_enrollment()
    {
        var e = await app.AdmittedAsync("440111103201");
        var other = await app.SignInAsync("district-440103");

        using var response = await other.PostFormAsync("/Enrollments", $"{DetailsUrl(e.EnrollmentId)}?handler=Pay",
            new Dictionary<string, string>(Payment("100")) { ["Version"] = Guid.Empty.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Payments.AnyAsync(p => p.EnrollmentId == e.EnrollmentId)));
    }

    [Fact]
    public async Task Should_list_enrollments_found_by_name_year_and_state_with_masked_ids_for_township_staff()
    {
        var e = await app.AdmittedAsync("440111103201");
        var township = await app.SignInAsync("township-440111103");

        using var found = await township.GetAsync($"/Enrollments?q={Uri.EscapeDataString(e.Name)}&year={TestEnrollments.Year}&state=Admitted");
        using var otherYear = await township.GetAsync($"/Enrollments?q={Uri.EscapeDataString(e.Name)}&year={TestEnrollments.Year - 1}");
        using var otherState = await township.GetAsync($"/Enrollments?q={Uri.EscapeDataString(e.Name)}&state=Graduated");

        var page = await found.ReadHtmlAsync();
        Assert.Equal([e.EnrollmentId.ToString(CultureInfo.InvariantCulture)], Ids(page));
        var idNumber = await app.WithDbAsync(db => db.Persons.Where(p => p.Id == e.PersonId).Select(p => p.IdNumber).SingleAsync());
        Assert.DoesNotContain(idNumber, page.Body!.TextContent);
        Assert.Contains(ResidentId.Mask(idNumber), page.Body!.TextContent);
        Assert.Empty(Ids(await otherYear.ReadHtmlAsync()));
        Assert.Empty(Ids(await otherState.ReadHtmlAsync()));
    }

    [Fact]
    public async Task Should_serve_the_enrollment_rows_as_a_fragment_to_htmx()
    {
        var client = await app.SignInAsync("district-440111");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Enrollments?p=2");
        request.Headers.Add("HX-Request", "true");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("data-enrollment-id", html);
        Assert.Contains(response.Headers.Vary, v => v.Equals("HX-Request", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Should_list_a_unit_by_year_village_and_name_and_show_a_new_admission_at_once()
    {
        var township = await app.SignInAsync("township-440111103");
        var url = $"/Enrollments?year={TestEnrollments.Year}&state=Admitted";
        using (var before = await township.GetAsync(url)) // keeps the order
            Assert.Equal((await ExpectedAsync()).Take(Training.Web.Features.Degree.Enrollments.IndexModel.PageSize), Ids(await before.ReadHtmlAsync()).Select(int.Parse));

        var added = await app.AdmittedAsync("440111103201");

        var expected = await ExpectedAsync();
        var page = expected.IndexOf(added.EnrollmentId) / Training.Web.Features.Degree.Enrollments.IndexModel.PageSize + 1;
        using var after = await township.GetAsync(url + $"&p={page}");
        Assert.Equal(expected.Skip((page - 1) * Training.Web.Features.Degree.Enrollments.IndexModel.PageSize).Take(Training.Web.Features.Degree.Enrollments.IndexModel.PageSize), Ids(await after.ReadHtmlAsync()).Select(int.Parse));
    }

    private Task<List<int>> ExpectedAsync() => app.WithDbAsync(async db =>
        (await db.Enrollments
            .Where(e => e.Village.Path.StartsWith("/440100/440111/440111103/") && e.Year == TestEnrollments.Year && e.State == EnrollmentState.Admitted)
            .Select(e => new { e.Id, e.Year, e.Village.Code, e.Person.Name }).ToListAsync())
        .OrderByDescending(e => e.Year).ThenBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id)
        .Select(e => e.Id).ToList());
}
