using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Features.DataExchange.Import;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.Learning.Offline;
using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Learning.Offline;

/// <summary>The page /Learning/Offline: a district uploads 线下学时, the background run answers, the template.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : OfflineTestBase(appArg)
{
    [Fact]
    public async Task Should_import_a_districts_file_in_the_background_show_the_counts_and_list_the_run_to_that_district_only()
    {
        var (a, aId) = await CadreAsync();
        var client = await app.SignInAsync(DemoAccounts.District);
        var name = $"线下学时-{Guid.NewGuid():N}.xlsx";

        using var upload = await client.UploadAsync("/Learning/Offline", await SheetAsync(Row(aId, Past, 4, "必修", Title()), Row(aId, Past, 2, "选修", Title())), name);

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var runId = ImportFiles.RunIdOf(upload);
        using (var done = await client.PollUntilDoneAsync(runId))
        {
            Assert.Equal(286, (int)done.StatusCode);
            var fragment = await done.ReadHtmlAsync();
            Assert.Contains("学时已计入学时台账", fragment.QuerySelector("[data-testid=run-succeeded]")?.TextContent);
            var counts = fragment.QuerySelector($"[data-testid=counts] tr[data-sheet='{OfflineColumns.Sheet}']")!;
            Assert.Equal(["2", "0", "0"], counts.QuerySelectorAll("td.num").Select(td => td.TextContent));
        }
        Assert.Equal(new Stored(2, 2, 6m), await StoredAsync(a));
        Assert.Equal(2, await app.WithDbAsync(db => db.OfflineStudy.CountAsync(r => r.ImportRunId == runId)));

        using var index = await client.GetAsync("/Learning/Offline");
        Assert.Contains(runId.ToString(), (await index.ReadHtmlAsync()).QuerySelectorAll("[data-testid=runs] tr[data-run-id]").Select(tr => tr.GetAttribute("data-run-id")));
        using var roster = await (await app.SignInAsync(DemoAccounts.City)).GetAsync("/Import");
        Assert.DoesNotContain(runId.ToString(), (await roster.ReadHtmlAsync()).QuerySelectorAll("[data-testid=runs] tr[data-run-id]").Select(tr => tr.GetAttribute("data-run-id")));
        using var other = await (await app.SignInAsync(DemoAccounts.OtherDistrict)).GetAsync($"/Import/Run?id={runId}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var city = await (await app.SignInAsync(DemoAccounts.City)).GetAsync($"/Import/Run?id={runId}");
        Assert.Equal(HttpStatusCode.OK, city.StatusCode);
    }

    [Fact]
    public async Task Should_reject_a_file_naming_another_districts_person_and_offer_the_error_workbook()
    {
        var (own, ownId) = await CadreAsync();
        var (_, otherId) = await CadreAsync(await OtherDistrictVillageAsync());
        var client = await app.SignInAsync(DemoAccounts.District);

        using var upload = await client.UploadAsync("/Learning/Offline", await SheetAsync(Row(ownId, Past, 4, "必修", Title()), Row(otherId, Past, 4, "必修", Title())), "线下学时.xlsx");

        var runId = ImportFiles.RunIdOf(upload);
        using (var done = await client.PollUntilDoneAsync(runId))
        {
            var fragment = await done.ReadHtmlAsync();
            Assert.NotNull(fragment.QuerySelector("[data-testid=run-rejected]"));
            var row = Assert.Single(fragment.QuerySelectorAll("[data-testid=errors] tbody tr"));
            Assert.Equal(["线下学时", "3", "身份证号"], row.Children.Take(3).Select(td => td.TextContent));
        }
        using var workbook = await client.GetAsync($"/Import/Errors?id={runId}");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal(new Stored(0, 0, 0m), await StoredAsync(own));
    }

    [Fact]
    public async Task Should_offer_a_template_the_import_reads_as_an_empty_file()
    {
        var client = await app.SignInAsync(DemoAccounts.City);

        using var response = await client.GetAsync("/Learning/Offline?handler=Template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").First());
        var outcome = await ImportAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal([new SheetCounts(OfflineColumns.Sheet, 0, 0, 0)], outcome.Counts);
    }

    [Theory]
    [InlineData(DemoAccounts.Township)]
    [InlineData(DemoAccounts.Village)]
    [InlineData("school-1")]
    public async Task Should_refuse_the_page_to_townships_villages_and_schools(string account)
    {
        using var response = await (await app.SignInAsync(account)).GetAsync("/Learning/Offline");

        AssertRefused(response);
    }
}
