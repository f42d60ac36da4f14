using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Degree.Catalog.Cohorts;

/// <summary>The page /Catalog/Cohorts/Quotas.</summary>
[Collection(AppCollection.Name)]
public sealed class QuotasTests(AppFixture appArg) : CatalogTestBase(appArg)
{
    [Fact]
    public async Task Should_refuse_district_quotas_over_the_city_quota_and_keep_what_was_typed()
    {
        var id = await CohortAsync(cityQuota: 1000);
        var districts = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Level == OrgLevel.District).OrderBy(u => u.Code).Select(u => u.Id).ToListAsync());
        var client = await app.SignInAsync("city");
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < districts.Count; i++)
        {
            fields[$"Quotas[{i}].DistrictId"] = Text(districts[i]);
            fields[$"Quotas[{i}].Quota"] = i == 0 ? "101" : "90"; // 101 + 10 × 90 = 1001
        }

        using var response = await client.PostFormAsync($"/Catalog/Cohorts/Quotas/{id}", $"/Catalog/Cohorts/Quotas/{id}", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("各区名额合计 1001 超过全市名额 1000", await response.TextAsync());
        Assert.Equal("101", (await response.ReadHtmlAsync()).QuerySelector("input[name='Quotas[0].Quota']")?.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.DistrictQuotas.AnyAsync(q => q.CohortId == id)));
    }

    [Fact]
    public async Task Should_say_which_district_quota_is_not_a_number()
    {
        var id = await CohortAsync();
        var districts = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Level == OrgLevel.District).OrderBy(u => u.Code).Select(u => u.Id).ToListAsync());
        var client = await app.SignInAsync("city");
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < districts.Count; i++)
        {
            fields[$"Quotas[{i}].DistrictId"] = Text(districts[i]);
            fields[$"Quotas[{i}].Quota"] = i == 1 ? "五十" : "50";
        }

        using var response = await client.PostFormAsync($"/Catalog/Cohorts/Quotas/{id}", $"/Catalog/Cohorts/Quotas/{id}", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("越秀区名额应为整数", await response.TextAsync());
        Assert.Equal("五十", (await response.ReadHtmlAsync()).QuerySelector("input[name='Quotas[1].Quota']")?.GetAttribute("value"));
    }
}
