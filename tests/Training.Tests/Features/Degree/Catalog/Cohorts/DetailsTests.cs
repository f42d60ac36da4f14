using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Degree.Catalog.Cohorts;

/// <summary>The page /Catalog/Cohorts/Details.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailsTests(AppFixture appArg) : CatalogTestBase(appArg)
{
    [Fact]
    public async Task Should_remove_an_offer_nobody_applied_for()
    {
        var (id, _) = await CohortWithOfferAsync();
        var feeId = await app.WithDbAsync(db => db.FeeSchedules.Where(f => f.CohortId == id).Select(f => f.Id).SingleAsync());
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync($"/Catalog/Cohorts/Details/{id}", $"/Catalog/Cohorts/Details/{id}?handler=Remove&fee={feeId}", new Dictionary<string, string>());

        // Post/Redirect/Get: the cohort's page again, saying what was done once.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Catalog/Cohorts/Details/{id}", response.Headers.Location?.OriginalString);
        using var page = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("已取消开设", (await page.ReadHtmlAsync()).QuerySelector("[data-testid=flash]")?.TextContent);
        Assert.False(await app.WithDbAsync(db => db.FeeSchedules.AnyAsync(f => f.CohortId == id)));
    }

    [Fact]
    public async Task Should_not_remove_an_offer_that_has_applications()
    {
        var used = await app.WithDbAsync(db => db.FeeSchedules
            .Where(f => db.Enrollments.Any(e => e.CohortId == f.CohortId && e.ProgramId == f.ProgramId))
            .OrderBy(f => f.Id).Select(f => new { f.Id, f.CohortId }).FirstAsync());
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync($"/Catalog/Cohorts/Details/{used.CohortId}",
            $"/Catalog/Cohorts/Details/{used.CohortId}?handler=Remove&fee={used.Id}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("不能取消开设", await response.TextAsync());
        Assert.True(await app.WithDbAsync(db => db.FeeSchedules.AnyAsync(f => f.Id == used.Id)));
    }

    [Fact]
    public async Task Should_answer_404_for_a_cohort_school_or_program_that_does_not_exist()
    {
        var client = await app.SignInAsync("city");

        foreach (var url in new[]
                 {
                     "/Catalog/Cohorts/Details/999999", "/Catalog/Cohorts/Edit/999999", "/Catalog/Cohorts/Quotas/999999",
                     "/Catalog/Cohorts/Fee/999999", "/Catalog/Schools/Details/999999", "/Catalog/Schools/Program/999999",
                 })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)response.StatusCode}");
        }
    }
}
