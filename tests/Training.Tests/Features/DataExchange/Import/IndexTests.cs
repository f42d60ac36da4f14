using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Features.Degree.Enrollments;
using Training.Tests.Features.Statistics;
using Training.Tests.Infrastructure;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.Degree.Graduation;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.DataExchange.Import;

/// <summary>The page /Import.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : ImportTestBase(appArg)
{
    // ---------------------------------------------------------------- the whole journey

    [Fact]
    public async Task Should_list_both_bad_rows_then_import_the_corrected_file_and_show_the_counts()
    {
        var codes = await FreeVillageCodesAsync(3);
        var client = await app.SignInAsync("city");
        object?[] header = [.. RosterSheets.OrgColumns];
        object?[] good = [codes[0], "导入测试甲村", "村社区", "440111103", "村"];

        var bad = await client.UploadAsync("/Import", await ImportFiles.BookAsync((RosterSheets.Org, [
            header, good,
            [codes[1], "导入测试乙村", "村社区", "440111103", "镇"],
            [codes[2], "导入测试丙村", "乡", "440111103", "村"],
        ])), "花名册.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, bad.StatusCode);
        var badRun = ImportFiles.RunIdOf(bad);
        using (var done = await client.PollUntilDoneAsync(badRun))
        {
            Assert.Equal(286, (int)done.StatusCode);
            var fragment = await done.ReadHtmlAsync();
            Assert.NotNull(fragment.QuerySelector("[data-testid=run-rejected]"));
            var rows = fragment.QuerySelectorAll("[data-testid=errors] tbody tr")
                .Select(tr => (Sheet: tr.Children[0].TextContent, Row: tr.Children[1].TextContent, Column: tr.Children[2].TextContent)).ToList();
            Assert.Equal([(RosterSheets.Org, "3", "类型"), (RosterSheets.Org, "4", "层级")], rows.Distinct().OrderBy(r => r.Row).ToList());
            Assert.Equal($"/Import/Errors?id={badRun}", fragment.QuerySelector("[data-testid=error-workbook]")?.GetAttribute("href"));
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.OrgUnits.CountAsync(u => codes.Contains(u.Code))));

        var fixedFile = await ImportFiles.BookAsync((RosterSheets.Org, [
            header, good,
            [codes[1], "导入测试乙村", "村社区", "440111103", "社区"],
            [codes[2], "导入测试丙村", "村社区", "440111103", "村"],
        ]));
        var ok = await client.UploadAsync("/Import", fixedFile, "花名册（改）.xlsx");
        var okRun = ImportFiles.RunIdOf(ok);
        using (var done = await client.PollUntilDoneAsync(okRun))
        {
            Assert.Equal(286, (int)done.StatusCode);
            var fragment = await done.ReadHtmlAsync();
            Assert.NotNull(fragment.QuerySelector("[data-testid=run-succeeded]"));
            var org = fragment.QuerySelector($"[data-testid=counts] tr[data-sheet='{RosterSheets.Org}']")!;
            Assert.Equal(["3", "0", "0"], org.QuerySelectorAll("td.num").Select(td => td.TextContent));
        }
        Assert.Equal(3, await app.WithDbAsync(db => db.OrgUnits.CountAsync(u => codes.Contains(u.Code))));
        var audit = await app.WithDbAsync(db => db.Audit.AsNoTracking()
            .Where(a => a.UserName == "city" && a.Action == ImportJob.AuditRoster && a.Detail.StartsWith("花名册（改）.xlsx"))
            .OrderByDescending(a => a.Id).Select(a => a.Detail).FirstOrDefaultAsync());
        Assert.Contains("新增 3", audit);

        // The full page (no JavaScript) shows the same result, and the upload page lists both runs.
        using var page = await client.GetAsync($"/Import/Run?id={okRun}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull((await page.ReadHtmlAsync()).QuerySelector("[data-testid=counts]"));
        using var index = await client.GetAsync("/Import");
        var listed = (await index.ReadHtmlAsync()).QuerySelectorAll("[data-testid=runs] tr[data-run-id]").Select(tr => tr.GetAttribute("data-run-id")).ToList();
        Assert.Contains(badRun.ToString(), listed);
        Assert.Contains(okRun.ToString(), listed);
    }

    // ---------------------------------------------------------------- refused files

    [Fact]
    public async Task Should_refuse_a_file_that_is_not_an_xlsx_and_store_nothing()
    {
        var name = UniqueName("不是表格");
        var client = await app.SignInAsync("city");

        using var response = await client.UploadAsync("/Import", "身份证号,姓名\n1,张三"u8.ToArray(), name);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("不是有效的 Excel 工作簿", (await response.ReadHtmlAsync()).QuerySelector("[data-testid=upload-error]")?.TextContent);
        Assert.Equal(0, await app.RunsNamedAsync(name));
    }

    [Fact]
    public async Task Should_ask_for_a_file_when_the_form_is_sent_without_one()
    {
        var client = await app.SignInAsync("city");
        using var form = await client.GetAsync("/Import");
        var token = (await form.ReadHtmlAsync()).QuerySelector("[data-testid=upload-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };

        using var response = await client.PostAsync("/Import", content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("请选择要上传的 Excel 文件", (await response.ReadHtmlAsync()).QuerySelector("[data-testid=upload-error]")?.TextContent);
    }

    [Fact]
    public async Task Should_refuse_a_file_over_20_MB_with_a_message_and_store_nothing()
    {
        var name = UniqueName("太大");
        var client = await app.SignInAsync("city");

        using var response = await client.UploadAsync("/Import", new byte[ImportUpload.MaxBytes + 1], name);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("超过 20 MB", (await response.ReadHtmlAsync()).QuerySelector("[data-testid=upload-error]")?.TextContent);
        Assert.Equal(0, await app.RunsNamedAsync(name));
    }

    [Fact]
    public async Task Should_answer_an_upload_over_the_request_limit_with_the_size_message_not_a_bare_error()
    {
        var name = UniqueName("远超上限");
        var client = await app.SignInAsync("city");

        using var response = await client.UploadAsync("/Import", new byte[ImportUpload.RequestLimit + 1024 * 1024], name);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Import?tooLarge=true", response.Headers.Location?.OriginalString);
        using var page = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("超过 20 MB", (await page.ReadHtmlAsync()).QuerySelector("[data-testid=upload-error]")?.TextContent);
        Assert.Equal(0, await app.RunsNamedAsync(name));
    }
}
