using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Degree.Catalog.Cohorts;

/// <summary>The page /Catalog/Cohorts/Fee.</summary>
[Collection(AppCollection.Name)]
public sealed class FeeTests(AppFixture appArg) : CatalogTestBase(appArg)
{
    // ---------------------------------------------------------------- fee schedules

    [Theory]
    [InlineData("8000.50", "5000", "1000", "1500", "应等于学费总额")]
    [InlineData("1500", "-500", "500", "1500", "不能为负数")]
    public async Task Should_rerender_a_fee_split_that_breaks_the_rule_with_the_message_and_what_was_typed(
        string total, string subsidy, string waiver, string selfPaid, string message)
    {
        var id = await CohortAsync();
        var programId = await app.WithDbAsync(db => db.Programs.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync($"/Catalog/Cohorts/Fee/{id}", $"/Catalog/Cohorts/Fee/{id}", new Dictionary<string, string>
        {
            ["Input.ProgramId"] = Text(programId),
            ["Input.Total"] = total,
            ["Input.Subsidy"] = subsidy,
            ["Input.Waiver"] = waiver,
            ["Input.SelfPaid"] = selfPaid,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(message, page.QuerySelector("[data-testid=form-errors]")?.TextContent ?? "");
        Assert.Equal(total, page.QuerySelector("input[name='Input.Total']")?.GetAttribute("value"));
        Assert.Equal(subsidy, page.QuerySelector("input[name='Input.Subsidy']")?.GetAttribute("value"));
        Assert.Equal(waiver, page.QuerySelector("input[name='Input.Waiver']")?.GetAttribute("value"));
        Assert.Equal(selfPaid, page.QuerySelector("input[name='Input.SelfPaid']")?.GetAttribute("value"));
        Assert.Equal(Text(programId), page.QuerySelector("select[name='Input.ProgramId'] option[selected]")?.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.FeeSchedules.AnyAsync(f => f.CohortId == id)));
    }

    [Fact]
    public async Task Should_offer_1500_yuan_self_paid_by_default()
    {
        var id = await CohortAsync();
        var client = await app.SignInAsync("city");

        using var response = await client.GetAsync($"/Catalog/Cohorts/Fee/{id}");

        Assert.Equal("1500.00", (await response.ReadHtmlAsync()).QuerySelector("input[name='Input.SelfPaid']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Should_change_the_fee_schedule_of_a_program_on_offer()
    {
        var (id, programId) = await CohortWithOfferAsync();
        var client = await app.SignInAsync("city");
        var url = $"/Catalog/Cohorts/Fee/{id}?program={programId}";
        Assert.Equal(url, await FormActionAsync(client, url));

        using var response = await client.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Input.Total"] = "9000", ["Input.Subsidy"] = "6500", ["Input.Waiver"] = "1000", ["Input.SelfPaid"] = "1500",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var split = await app.WithDbAsync(db => db.FeeSchedules.Where(f => f.CohortId == id).Select(f => f.Split).SingleAsync());
        Assert.Equal(new FeeSplit(9_000_00, 6_500_00, 1_000_00, 1_500_00), split);
    }
}
