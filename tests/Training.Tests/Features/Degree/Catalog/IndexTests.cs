using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Degree.Catalog;

/// <summary>The page /Catalog.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : CatalogTestBase(appArg)
{
    // ---------------------------------------------------------------- CityAdmin only

    public static readonly TheoryData<string> NotCityAdmin = new()
    {
        "anonymous", "district-440111", "township-440111103", "village-440111103201", "school-1", "trainee-demo",
    };

    [Theory]
    [MemberData(nameof(NotCityAdmin))]
    public async Task Should_refuse_every_catalog_page_to_everyone_but_CityAdmin_on_GET_and_POST(string account)
    {
        var (cohortId, programId) = await CohortWithOfferAsync();
        var schoolId = await app.WithDbAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.SchoolId).SingleAsync());
        var schoolName = await app.WithDbAsync(db => db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync());
        var year = await FreeYearAsync();
        var client = account == "anonymous" ? app.Anonymous() : await app.SignInAsync(account);
        // A valid antiforgery token of this user (from the layout's sign-out form), so that a refusal is the authorization's, not the token's.
        var token = account == "anonymous" ? "" : await client.TokenAsync();
        var failures = new List<string>();

        string[] pages =
        [
            "/Catalog", "/Catalog/Cohorts/Create", $"/Catalog/Cohorts/Details/{cohortId}", $"/Catalog/Cohorts/Edit/{cohortId}",
            $"/Catalog/Cohorts/Quotas/{cohortId}", $"/Catalog/Cohorts/Fee/{cohortId}", $"/Catalog/Cohorts/Fee/{cohortId}?program={programId}",
            "/Catalog/Schools", $"/Catalog/Schools/Details/{schoolId}", $"/Catalog/Schools/Program/{programId}",
        ];
        foreach (var url in pages)
        {
            using var get = await client.GetAsync(url);
            if (!IsRefused(get, account)) failures.Add($"GET {url}：{(int)get.StatusCode} {get.Headers.Location}");
        }

        (string Url, Dictionary<string, string> Fields)[] posts =
        [
            ("/Catalog/Cohorts/Create", new() { ["Input.Year"] = Text(year), ["Input.ApplyFrom"] = "2001-03-01", ["Input.ApplyTo"] = "2001-03-31", ["Input.CityQuota"] = "1000" }),
            ($"/Catalog/Cohorts/Edit/{cohortId}", new() { ["Input.Name"] = "越权", ["Input.ApplyFrom"] = "2001-03-01", ["Input.ApplyTo"] = "2001-03-31", ["Input.CityQuota"] = "5000" }),
            ($"/Catalog/Cohorts/Fee/{cohortId}?program={programId}", new() { ["Input.Total"] = "0", ["Input.Subsidy"] = "0", ["Input.Waiver"] = "0", ["Input.SelfPaid"] = "0" }),
            ($"/Catalog/Cohorts/Details/{cohortId}?handler=Remove&fee=0", new()),
            ("/Catalog/Schools", new() { ["NewName"] = "越权学院" + year }),
            ($"/Catalog/Schools/Details/{schoolId}?handler=Rename", new() { ["NewName"] = "越权改名" + year }),
            ($"/Catalog/Schools/Program/{programId}", new() { ["Input.Name"] = "越权", ["Input.Level"] = "Associate", ["Input.DurationYears"] = "3" }),
        ];
        foreach (var (url, fields) in posts)
        {
            if (token.Length > 0) fields["__RequestVerificationToken"] = token;
            using var post = await client.PostAsync(url, new FormUrlEncodedContent(fields));
            if (!IsRefused(post, account)) failures.Add($"POST {url}：{(int)post.StatusCode} {post.Headers.Location}");
        }

        Assert.True(failures.Count == 0, $"{account} 应被拒绝：\n" + string.Join("\n", failures));
        Assert.False(await app.WithDbAsync(db => db.Cohorts.AnyAsync(c => c.Year == year)));
        Assert.Equal(schoolName, await app.WithDbAsync(db => db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync()));
        Assert.Equal(1000, await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.CityQuota).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.FeeSchedules.AnyAsync(f => f.CohortId == cohortId && f.Split.TotalFen > 0)));
    }

    [Fact]
    public async Task Should_write_no_inline_style_on_any_catalog_page_with_or_without_messages()
    {
        var (cohortId, programId) = await CohortWithOfferAsync();
        var schoolId = await app.WithDbAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.SchoolId).SingleAsync());
        var client = await app.SignInAsync("city");
        var pages = new List<(string Url, HttpResponseMessage Response)>();
        foreach (var url in new[]
                 {
                     "/Catalog", "/Catalog/Cohorts/Create", $"/Catalog/Cohorts/Details/{cohortId}", $"/Catalog/Cohorts/Edit/{cohortId}",
                     $"/Catalog/Cohorts/Quotas/{cohortId}", $"/Catalog/Cohorts/Fee/{cohortId}", "/Catalog/Schools",
                     $"/Catalog/Schools/Details/{schoolId}", $"/Catalog/Schools/Program/{programId}",
                 })
            pages.Add((url, await client.GetAsync(url)));
        var editFee = $"/Catalog/Cohorts/Fee/{cohortId}?program={programId}";
        pages.Add((editFee + " (422)", await client.PostFormAsync(editFee, editFee, new Dictionary<string, string>
        {
            ["Input.Total"] = "1", ["Input.Subsidy"] = "1", ["Input.Waiver"] = "1", ["Input.SelfPaid"] = "1",
        })));

        foreach (var (url, response) in pages)
        {
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{url}：{(int)response.StatusCode}");
            var document = await response.ReadHtmlAsync();
            Assert.True(document.QuerySelectorAll("[style]").Length == 0, $"{url} 有 style 属性（CSP 不允许）。");
            Assert.True(document.QuerySelectorAll("script:not([src])").Length == 0, $"{url} 有内联脚本。");
            if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
                Assert.Contains("应等于学费总额", document.QuerySelector("[data-testid=form-errors]")?.TextContent ?? "");
            response.Dispose();
        }
    }
}
