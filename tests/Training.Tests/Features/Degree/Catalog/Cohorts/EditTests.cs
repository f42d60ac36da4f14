using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Degree.Catalog.Cohorts;

/// <summary>The page /Catalog/Cohorts/Edit.</summary>
[Collection(AppCollection.Name)]
public sealed class EditTests(AppFixture appArg) : CatalogTestBase(appArg)
{
    [Fact]
    public async Task Should_change_the_window_and_refuse_a_quota_below_1000_on_edit()
    {
        var id = await CohortAsync();
        var client = await app.SignInAsync("city");
        var url = $"/Catalog/Cohorts/Edit/{id}";

        using var refused = await client.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Input.Name"] = "改过的批次", ["Input.ApplyFrom"] = "2001-04-01", ["Input.ApplyTo"] = "2001-04-30", ["Input.CityQuota"] = "800",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("不少于 1000 人", await refused.TextAsync());

        using var changed = await client.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Input.Name"] = "改过的批次", ["Input.ApplyFrom"] = "2001-04-01", ["Input.ApplyTo"] = "2001-04-30", ["Input.CityQuota"] = "1300",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var saved = await app.WithDbAsync(db => db.Cohorts.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("改过的批次", new DateOnly(2001, 4, 1), new DateOnly(2001, 4, 30), 1300), (saved.Name, saved.ApplyFrom, saved.ApplyTo, saved.CityQuota));
    }
}
