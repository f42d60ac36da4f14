using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Degree.Enrollments;

/// <summary>The page /Enrollments/Totals.</summary>
[Collection(AppCollection.Name)]
public sealed class TotalsTests(AppFixture appArg) : EnrollmentsTestBase(appArg)
{
    [Fact]
    public async Task Should_show_district_staff_the_totals_of_its_own_district_only()
    {
        var client = await app.SignInAsync("district-440111");

        using var page = await client.GetAsync("/Enrollments/Totals");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var byDistrict = Table(await page.ReadHtmlAsync(), "by-district");
        Assert.Equal(["白云区", "合计"], byDistrict.Keys.ToArray());
        Assert.Equal(byDistrict["白云区"], byDistrict["合计"]);
    }

    [Fact]
    public async Task Should_add_an_admission_and_a_payment_to_the_totals_at_once_after_they_were_read()
    {
        var client = await app.SignInAsync("district-440111");
        var before = await DistrictRowAsync(client); // the sums are kept from here

        var e = await app.AdmittedAsync("440111103201");
        using (var paid = await PostAsync(client, DetailsUrl(e.EnrollmentId), "Pay", Payment("100")))
            Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);

        var after = await DistrictRowAsync(client);
        Assert.Equal(int.Parse(before[0], CultureInfo.InvariantCulture) + 1, int.Parse(after[0], CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(before[2], NumberStyles.Number, CultureInfo.InvariantCulture) + 100m, decimal.Parse(after[2], NumberStyles.Number, CultureInfo.InvariantCulture));
    }

    private static async Task<string[]> DistrictRowAsync(HttpClient client)
    {
        using var page = await client.GetAsync($"/Enrollments/Totals?year={TestEnrollments.Year}");
        return Table(await page.ReadHtmlAsync(), "by-district")["白云区"];
    }
}
