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

namespace Training.Tests.Features.DataExchange.Import.Web;

/// <summary>
/// The import pages over HTTP: upload, the run in the background (the app's own Hangfire
/// server), the page polled to its result, the error workbook, refused files, and who may see a run.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ImportPagesTests(AppFixture app)
{
    private static string UniqueName(string stem) => $"{stem}-{Guid.NewGuid():N}.xlsx";

    /// <summary>Village codes under 人和镇 (440111103) that no unit has yet.</summary>
    private Task<List<string>> FreeVillageCodesAsync(int count) =>
        app.WithDbAsync(async db =>
        {
            var taken = await db.OrgUnits.Where(u => u.Code.StartsWith("440111103")).Select(u => u.Code).ToListAsync();
            return Enumerable.Range(0, 1000).Select(i => $"440111103{i:000}").Except(taken)
                .OrderBy(_ => Random.Shared.Next()).Take(count).ToList();
        });

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

    [Fact]
    public async Task Should_download_the_error_workbook_with_the_errors_beside_the_bad_rows()
    {
        var school = await app.FirstSchoolIdAsync();
        var made = await app.AdmittedAsync();
        var idNumber = await app.WithDbAsync(db => db.Persons.Where(p => p.Id == made.PersonId).Select(p => p.IdNumber).SingleAsync());
        var client = await app.SignInAsync("school-1");

        var upload = await client.UploadAsync("/Import/Graduation", await ImportFiles.BookAsync((GraduationImport.Sheet, [
            [.. GraduationImport.Columns],
            [idNumber, "大专", TestEnrollments.Year, "已毕业", "2024-02-30", "X1"],
            [idNumber + "0", "大专", TestEnrollments.Year, "已退学", new DateOnly(2024, 1, 1), null],
        ])), "毕业名单.xlsx");
        var runId = ImportFiles.RunIdOf(upload);
        using (var done = await client.PollUntilDoneAsync(runId))
            Assert.NotNull((await done.ReadHtmlAsync()).QuerySelector("[data-testid=run-rejected]"));
        Assert.Equal(school, made.SchoolId);

        using var download = await client.GetAsync($"/Import/Errors?id={runId}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(ImportFiles.XlsxType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename*=UTF-8''" + Uri.EscapeDataString("错误清单_毕业名单.xlsx"),
            download.Content.Headers.GetValues("Content-Disposition").Single());
        var book = Xlsx.Read(await download.Content.ReadAsByteArrayAsync());
        Assert.Equal([ErrorWorkbook.ErrorsSheet, GraduationImport.Sheet], book.Sheets.Select(s => s.Name));
        var listed = book[ErrorWorkbook.ErrorsSheet].Rows.Skip(1).Select(r => r.Number(1)).Distinct().Order().ToList();
        Assert.Equal([2d, 3d], listed);
        var copy = book[GraduationImport.Sheet];
        var errorColumn = GraduationImport.Columns.Count;
        Assert.Equal(ErrorWorkbook.ErrorColumn, copy[1].Text(errorColumn));
        Assert.Contains("毕业日期", copy[2].Text(errorColumn));
        Assert.False(string.IsNullOrEmpty(copy[3].Text(errorColumn)));
        Assert.Equal(idNumber, copy[2].Text(0));
        Assert.Equal(EnrollmentState.Admitted, await app.WithDbAsync(db => db.Enrollments.Where(e => e.Id == made.EnrollmentId).Select(e => e.State).SingleAsync()));
    }

    [Fact]
    public async Task Should_show_the_progress_bar_of_a_queued_run_and_keep_polling_it()
    {
        var id = await app.StoredRunAsync(ImportKind.Roster, [1]);
        var client = await app.SignInAsync("city");

        using var page = await client.GetAsync($"/Import/Run?id={id}");
        var html = await page.ReadHtmlAsync();
        var progress = html.QuerySelector("[data-testid=run-progress]")!;
        Assert.Equal("every 1s", progress.GetAttribute("hx-trigger"));
        Assert.Equal($"/Import/Run?id={id}", progress.GetAttribute("hx-get"));
        Assert.NotNull(progress.QuerySelector("progress[max='100']"));
        Assert.Contains(progress.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Import/Run?id={id}" && a.TextContent.Contains("刷新"));

        var poll = new HttpRequestMessage(HttpMethod.Get, $"/Import/Run?id={id}");
        poll.Headers.Add("HX-Request", "true");
        using var fragment = await client.SendAsync(poll);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        var body = await fragment.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", body);
        Assert.Contains("id=\"import-run\"", body);
    }

    [Fact]
    public async Task Should_show_the_first_200_errors_with_the_total_and_the_WeChat_download_hint()
    {
        var errors = Enumerable.Range(2, 250).Select(row => new ImportError("人员", row, "姓名", "不能为空")).ToList();
        var id = await app.StoredRunAsync(ImportKind.Roster, [1], then: r =>
        {
            r.Start();
            r.Reject(System.Text.Json.JsonSerializer.Serialize(errors, ImportJob.Json), errors.Count, DateTime.UtcNow);
        });
        var client = await app.SignInAsync("city");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/Import/Run?id={id}");
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) MicroMessenger/8.0.50");

        using var response = await client.SendAsync(request);

        var page = await response.ReadHtmlAsync();
        Assert.Equal(RunModel.ErrorsShown, page.QuerySelectorAll("[data-testid=errors] tbody tr").Length);
        Assert.Contains("共 250 处", page.QuerySelector("[data-testid=errors-truncated]")?.TextContent);
        Assert.Contains("在浏览器中打开", page.QuerySelector("[data-testid=wechat-hint]")?.TextContent);
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
    public async Task Should_refuse_an_empty_file_and_store_nothing()
    {
        var name = UniqueName("空文件");
        var client = await app.SignInAsync("school-1");

        using var response = await client.UploadAsync("/Import/Graduation", [], name);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("空的", (await response.ReadHtmlAsync()).QuerySelector("[data-testid=upload-error]")?.TextContent);
        Assert.Equal(0, await app.RunsNamedAsync(name));
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

    // ---------------------------------------------------------------- who sees a run

    public static readonly TheoryData<string, string> NotTheirs = new()
    {
        { "school-1", "roster" },
        { "school-1", "other-school" },
        { "city", "own-school" },
    };

    [Theory]
    [MemberData(nameof(NotTheirs))]
    public async Task Should_not_find_a_run_outside_the_accounts_scope(string account, string whose)
    {
        var id = await RejectedRunAsync(whose);
        var client = await app.SignInAsync(account);

        using var run = await client.GetAsync($"/Import/Run?id={id}");
        using var errors = await client.GetAsync($"/Import/Errors?id={id}");

        Assert.Equal(HttpStatusCode.NotFound, run.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, errors.StatusCode);
    }

    [Theory]
    [InlineData("city", "roster")]
    [InlineData("school-1", "own-school")]
    public async Task Should_show_a_run_and_its_errors_to_the_account_it_belongs_to(string account, string whose)
    {
        var id = await RejectedRunAsync(whose);
        var client = await app.SignInAsync(account);

        using var run = await client.GetAsync($"/Import/Run?id={id}");
        using var errors = await client.GetAsync($"/Import/Errors?id={id}");

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Contains("原因一", await run.TextAsync());
        Assert.Equal(HttpStatusCode.OK, errors.StatusCode);
        var poll = new HttpRequestMessage(HttpMethod.Get, $"/Import/Run?id={id}");
        poll.Headers.Add("HX-Request", "true");
        using var fragment = await client.SendAsync(poll);
        Assert.Equal(286, (int)fragment.StatusCode); // finished: htmx stops polling and swaps the result in
    }

    [Theory]
    [InlineData("district-440111")]
    [InlineData("township-440111103")]
    [InlineData("trainee-demo")]
    public async Task Should_refuse_the_run_pages_to_other_roles(string account)
    {
        var id = await RejectedRunAsync("roster");
        var client = await app.SignInAsync(account);

        foreach (var url in new[] { $"/Import/Run?id={id}", $"/Import/Errors?id={id}" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                        || response.Headers.Location?.OriginalString.Contains("/Account/Denied", StringComparison.OrdinalIgnoreCase) == true,
                $"{account} GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    private async Task<int> RejectedRunAsync(string whose)
    {
        var school = await app.FirstSchoolIdAsync();
        var (kind, schoolId, by) = whose switch
        {
            "roster" => (ImportKind.Roster, (int?)null, "city"),
            "own-school" => (ImportKind.Graduation, school, "school-1"),
            "other-school" => (ImportKind.Graduation, await app.OtherSchoolIdAsync(school), "another-registrar"),
            _ => throw new ArgumentOutOfRangeException(nameof(whose)),
        };
        var file = await ImportFiles.BookAsync(("人员", [["身份证号"], ["1"]]));
        return await app.StoredRunAsync(kind, file, schoolId, by, then: r =>
        {
            r.Start();
            r.Reject("""[{"Sheet":"人员","Row":2,"Column":"身份证号","Message":"原因一"}]""", 1, DateTime.UtcNow);
        });
    }
}
