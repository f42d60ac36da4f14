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
using Training.Tests.Features.DataExchange.Import;
using Training.Tests.Features.Degree.Graduation;

namespace Training.Tests.Features.DataExchange.Import;

/// <summary>The page /Import/Errors.</summary>
[Collection(AppCollection.Name)]
public sealed class ErrorsTests(AppFixture appArg) : ImportTestBase(appArg)
{
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
        // The workbook holds the rows as uploaded (full ID numbers): its download is audited.
        Assert.NotNull(await app.AuditEntryAsync(a => a.UserName == "school-1"
            && a.Action == Training.Web.Features.DataExchange.DataExchangeTexts.ErrorWorkbookDownloadedAudit && a.Detail == $"#{runId}：错误清单_毕业名单.xlsx"));
    }
}
