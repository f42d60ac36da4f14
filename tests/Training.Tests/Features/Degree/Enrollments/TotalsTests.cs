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
}
