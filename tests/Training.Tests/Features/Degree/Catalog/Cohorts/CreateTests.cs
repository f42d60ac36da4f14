using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Degree.Catalog.Cohorts;

/// <summary>The page /Catalog/Cohorts/Create.</summary>
[Collection(AppCollection.Name)]
public sealed class CreateTests(AppFixture appArg) : CatalogTestBase(appArg)
{
    // ---------------------------------------------------------------- cohorts

    [Fact]
    public async Task Should_create_a_cohort_with_district_quotas_and_offers_that_trainees_can_find()
    {
        var year = await FreeYearAsync();
        var program = await app.WithDbAsync(db => db.Programs.OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).FirstAsync());
        var districts = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Level == OrgLevel.District).OrderBy(u => u.Code).Select(u => u.Id).ToListAsync());
        var client = await app.SignInAsync("city");

        using var created = await client.PostFormAsync("/Catalog/Cohorts/Create", "/Catalog/Cohorts/Create", new Dictionary<string, string>
        {
            ["Input.Year"] = Text(year),
            ["Input.Name"] = $"{year}年测试批次",
            ["Input.ApplyFrom"] = $"{year}-03-01",
            ["Input.ApplyTo"] = $"{year}-03-31",
            ["Input.CityQuota"] = "1,200",
            ["Input.CopyFrom"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await app.WithDbAsync(db => db.Cohorts.Where(c => c.Year == year).Select(c => c.Id).SingleAsync());
        Assert.Equal($"/Catalog/Cohorts/Details/{id}", created.Headers.Location?.OriginalString);

        var quotas = new Dictionary<string, string>();
        for (var i = 0; i < districts.Count; i++)
        {
            quotas[$"Quotas[{i}].DistrictId"] = Text(districts[i]);
            quotas[$"Quotas[{i}].Quota"] = "100";
        }
        using var quotaResponse = await client.PostFormAsync($"/Catalog/Cohorts/Quotas/{id}", $"/Catalog/Cohorts/Quotas/{id}", quotas);
        Assert.Equal(HttpStatusCode.Redirect, quotaResponse.StatusCode);

        // Through the links and forms the pages render, not hand-made URLs.
        Assert.Equal($"/Catalog/Cohorts/Quotas/{id}", await FormActionAsync(client, $"/Catalog/Cohorts/Quotas/{id}"));
        Assert.Equal($"/Catalog/Cohorts/Fee/{id}", await FormActionAsync(client, $"/Catalog/Cohorts/Fee/{id}"));
        using var offered = await client.PostFormAsync($"/Catalog/Cohorts/Fee/{id}", $"/Catalog/Cohorts/Fee/{id}", new Dictionary<string, string>
        {
            ["Input.ProgramId"] = Text(program.Id),
            ["Input.Total"] = "8,100.50",
            ["Input.Subsidy"] = "5600.50",
            ["Input.Waiver"] = "1000",
            ["Input.SelfPaid"] = "1500.00",
        });
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);

        var saved = await app.WithDbAsync(db => db.Cohorts.AsNoTracking().Include(c => c.DistrictQuotas).Include(c => c.Fees).SingleAsync(c => c.Id == id));
        Assert.Equal((1200, new DateOnly(year, 3, 1), new DateOnly(year, 3, 31)), (saved.CityQuota, saved.ApplyFrom, saved.ApplyTo));
        Assert.Equal(11, saved.DistrictQuotas.Count);
        Assert.Equal(1100, saved.DistrictQuotas.Sum(q => q.Quota));
        var fee = Assert.Single(saved.Fees);
        Assert.Equal(program.Id, fee.ProgramId);
        Assert.Equal(new FeeSplit(8_100_50, 5_600_50, 1_000_00, 1_500_00), fee.Split);

        // What the trainee's page asks for: cohorts not yet closed, with programs on offer.
        var today = app.Services.GetRequiredService<TimeProvider>().Today();
        Assert.True(await app.WithDbAsync(db => db.Cohorts.AnyAsync(c => c.Id == id && c.ApplyTo >= today && c.Fees.Any())));
        Assert.Equal(3, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.UserName == "city" && a.Detail.Contains($"{year}年测试批次"))));

        using var details = await client.GetAsync($"/Catalog/Cohorts/Details/{id}");
        var detailsPage = await details.ReadHtmlAsync();
        Assert.Contains(program.Name, detailsPage.QuerySelector("[data-testid=offers]")?.TextContent ?? "");
        Assert.NotNull(detailsPage.QuerySelector($"a[href='/Catalog/Cohorts/Fee/{id}?program={program.Id}']"));
        var removeForm = detailsPage.QuerySelector("[data-testid=offers] form[method=post]");
        Assert.Equal($"/Catalog/Cohorts/Details/{id}?fee={saved.Fees[0].Id}&handler=Remove", removeForm?.GetAttribute("action"));
        Assert.NotNull(removeForm?.QuerySelector("button[data-confirm]"));
        using var list = await client.GetAsync("/Catalog");
        Assert.Contains($"{year}年测试批次", await list.TextAsync());
    }

    [Fact]
    public async Task Should_take_over_district_quotas_and_offers_from_an_earlier_cohort()
    {
        var year = await FreeYearAsync();
        var source = await app.WithDbAsync(db => db.Cohorts.AsNoTracking().Include(c => c.DistrictQuotas).Include(c => c.Fees)
            .Where(c => c.Fees.Any() && c.DistrictQuotas.Any()).OrderByDescending(c => c.Year).FirstAsync());
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync("/Catalog/Cohorts/Create", "/Catalog/Cohorts/Create", new Dictionary<string, string>
        {
            ["Input.Year"] = Text(year),
            ["Input.ApplyFrom"] = "2001-03-01",
            ["Input.ApplyTo"] = "2001-03-31",
            ["Input.CityQuota"] = Text(Math.Max(1000, source.DistrictQuotas.Sum(q => q.Quota))),
            ["Input.CopyFrom"] = Text(source.Id),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var copy = await app.WithDbAsync(db => db.Cohorts.AsNoTracking().Include(c => c.DistrictQuotas).Include(c => c.Fees).SingleAsync(c => c.Year == year));
        Assert.Equal(source.DistrictQuotas.OrderBy(q => q.DistrictId).Select(q => (q.DistrictId, q.Quota)),
            copy.DistrictQuotas.OrderBy(q => q.DistrictId).Select(q => (q.DistrictId, q.Quota)));
        Assert.Equal(source.Fees.OrderBy(f => f.ProgramId).Select(f => (f.ProgramId, f.Split)),
            copy.Fees.OrderBy(f => f.ProgramId).Select(f => (f.ProgramId, f.Split)));
        Assert.Equal($"{year}年羊城村官上大学", copy.Name);
    }

    [Fact]
    public async Task Should_refuse_a_city_quota_below_1000_and_keep_what_was_typed()
    {
        var year = await FreeYearAsync();
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync("/Catalog/Cohorts/Create", "/Catalog/Cohorts/Create", new Dictionary<string, string>
        {
            ["Input.Year"] = Text(year),
            ["Input.Name"] = "名额不足的批次",
            ["Input.ApplyFrom"] = "2001-03-01",
            ["Input.ApplyTo"] = "2001-03-31",
            ["Input.CityQuota"] = "999",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("不少于 1000 人", await response.TextAsync());
        var page = await response.ReadHtmlAsync();
        Assert.Equal("999", page.QuerySelector("input[name='Input.CityQuota']")?.GetAttribute("value"));
        Assert.Equal("名额不足的批次", page.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Cohorts.AnyAsync(c => c.Year == year)));
    }

    [Fact]
    public async Task Should_refuse_a_second_cohort_for_the_same_year()
    {
        var id = await CohortAsync();
        var year = await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == id).Select(c => c.Year).SingleAsync());
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync("/Catalog/Cohorts/Create", "/Catalog/Cohorts/Create", new Dictionary<string, string>
        {
            ["Input.Year"] = Text(year),
            ["Input.ApplyFrom"] = "2001-03-01",
            ["Input.ApplyTo"] = "2001-03-31",
            ["Input.CityQuota"] = "1000",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("已有招生批次", await response.TextAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Cohorts.CountAsync(c => c.Year == year)));
    }
}
