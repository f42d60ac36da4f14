using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Features.Statistics;
using Training.Tests.Infrastructure;
using Training.Web.Features.DataExchange.Exports;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.DataExchange.Exports;

/// <summary>The export job and its writers, run directly, the files read back as a spreadsheet program reads them.</summary>
[Collection(AppCollection.Name)]
public sealed class ExportJobTests(AppFixture app)
{
    private static readonly string[] EnrollmentHeaders =
        ["身份证号", "姓名", "村社区代码", "层次", "年度", "院校", "专业", "状态", "学费总额", "财政补助", "学校减免", "个人自付"];

    private async Task<(ExportRun Run, Xlsx Book)> ExportAsync(ExportKind kind, bool unmasked)
    {
        var data = await app.ExportTownshipAsync();
        var runId = await app.ExportRunAsync(kind, data.TownshipId, unmasked);
        await app.RunExportJobAsync(runId);
        var run = await app.ExportRunOfAsync(runId);
        Assert.Equal(RunState.Succeeded, run.State);
        return (run, Xlsx.Read(await File.ReadAllBytesAsync(app.ExportPathOf(run.StoredName!))));
    }

    [Fact]
    public async Task Should_write_the_enrollment_list_with_the_report_headers_masked_ids_and_neutralised_formula_text()
    {
        var data = await app.ExportTownshipAsync();

        var (run, book) = await ExportAsync(ExportKind.Enrollments, unmasked: false);

        Assert.Equal(["报名名单"], book.Sheets.Select(s => s.Name));
        var sheet = book["报名名单"];
        Assert.Equal(EnrollmentHeaders, sheet[1].Values.Cast<string>());
        Assert.Equal(3, sheet.Rows.Count);
        Assert.Equal((2, 100), (run.Rows, run.Percent));
        var graduated = sheet[2];
        Assert.Equal(ResidentId.Mask(data.FormulaIdNumber), graduated.Text(0));
        Assert.DoesNotContain(data.FormulaIdNumber[6..14], graduated.Text(0));
        Assert.Equal("'" + ExportTownship.FormulaName, graduated.Text(1));
        Assert.Equal(ExportTownship.VillageCode, graduated.Text(2));
        Assert.Equal(("大专", 2020d, "已毕业"), (graduated.Text(3), graduated.Number(4), graduated.Text(7)));
        Assert.Equal([6500d, 3000d, 2000d, 1500d], Enumerable.Range(8, 4).Select(graduated.Number));
        Assert.Equal(("陈二", "已退学"), (sheet[3].Text(1), sheet[3].Text(7)));
        Assert.Equal(ResidentId.Mask(data.PlainIdNumber), sheet[3].Text(0));
    }

    [Fact]
    public async Task Should_write_full_id_numbers_for_an_unmasked_run_and_keep_the_file_for_the_configured_hours()
    {
        var data = await app.ExportTownshipAsync();

        var (run, book) = await ExportAsync(ExportKind.Enrollments, unmasked: true);

        Assert.Equal([data.FormulaIdNumber, data.PlainIdNumber], book["报名名单"].Rows.Skip(1).Select(r => r.Text(0)));
        Assert.Equal(TimeSpan.FromHours(24), run.ExpiresAt - run.FinishedAt);
        Assert.True(run.IsDownloadable(DateTime.UtcNow));
    }

    [Fact]
    public async Task Should_write_the_roster_in_the_import_format_with_the_recorded_base_education_dates_and_numbers()
    {
        var data = await app.ExportTownshipAsync();

        var (run, book) = await ExportAsync(ExportKind.Roster, unmasked: true);

        Assert.Equal(RosterSheets.InOrder, book.Sheets.Select(s => s.Name));
        foreach (var name in RosterSheets.InOrder)
            Assert.Equal(RosterSheets.ColumnsOf(name), book[name][1].Values.Cast<string>());

        // The ancestors first, so that the file imports into an empty database.
        Assert.Equal([
            ("440100", "市", ""), ("440115", "区", "440100"), ("440115977", "镇街", "440115"), ("440115977201", "村社区", "440115977")],
            book["组织"].Rows.Skip(1).Select(r => (r.Text(0), r.Text(2), r[3] as string ?? "")));
        Assert.Equal("村", book["组织"][5].Text(4));

        var persons = book["人员"].Rows.Skip(1).ToList();
        Assert.Equal([data.FormulaIdNumber, data.PlainIdNumber], persons.Select(r => r.Text(0)));
        // 高中/中专 as recorded, although the person graduated (大专): the graduation is a row of 学历教育.
        Assert.Equal((ExportTownship.FormulaPhone, "中共党员", "高中/中专", ExportTownship.VillageCode),
            (persons[0].Text(2), persons[0].Text(3), persons[0].Text(4), persons[0].Text(5)));
        Assert.Null(persons[1][2]);

        var posts = book["职务"].Rows.Skip(1).ToList();
        Assert.Equal(("党组织书记", new DateTime(2015, 3, 1)), (posts[0].Text(2), Assert.IsType<DateTime>(posts[0][3])));
        Assert.Null(posts[0][4]);
        Assert.Equal(new DateTime(2020, 12, 31), Assert.IsType<DateTime>(posts[1][4]));

        var enrollments = book["学历教育"].Rows.Skip(1).ToList();
        Assert.Equal((2020d, "大专", "已毕业"), (enrollments[0].Number(1), enrollments[0].Text(2), enrollments[0].Text(5)));
        Assert.Equal(ExportTownship.Graduated.ToDateTime(TimeOnly.MinValue), Assert.IsType<DateTime>(enrollments[0][6]));
        Assert.Equal([6500d, 3000d, 2000d, 1500d], Enumerable.Range(7, 4).Select(enrollments[0].Number));
        // An 已退学 row carries its withdrawal day in the one date column (the import reads it back so).
        Assert.Equal("已退学", enrollments[1].Text(5));
        Assert.Equal(new DateTime(2022, 3, 1), Assert.IsType<DateTime>(enrollments[1][6]));

        var reserve = Assert.Single(book["后备"].Rows.Skip(1));
        Assert.Equal((data.FormulaIdNumber, "书记后备", "已入库"), (reserve.Text(0), reserve.Text(2), reserve.Text(3)));
        Assert.Equal(new DateTime(2018, 5, 1), Assert.IsType<DateTime>(reserve[4]));

        var keyPosts = Assert.Single(book["关键岗位"].Rows.Skip(1));
        Assert.Equal((ExportTownship.VillageCode, 1d), (keyPosts.Text(0), keyPosts.Number(1)));
        Assert.Equal(4 + 2 + 2 + 2 + 1 + 1, run.Rows);
    }

    [Fact]
    public async Task Should_mask_id_numbers_and_phones_in_every_sheet_of_a_masked_roster()
    {
        var data = await app.ExportTownshipAsync();

        var (_, book) = await ExportAsync(ExportKind.Roster, unmasked: false);

        Assert.Equal(Phone.Mask(ExportTownship.FormulaPhone), book["人员"][2].Text(2));
        foreach (var sheet in new[] { "人员", "职务", "学历教育", "后备" })
            Assert.All(book[sheet].Rows.Skip(1), r => Assert.Contains(r.Text(0), new[] { ResidentId.Mask(data.FormulaIdNumber), ResidentId.Mask(data.PlainIdNumber) }));
    }

    [Fact]
    public async Task Should_leave_a_finished_run_as_it_is_when_the_job_runs_again()
    {
        var data = await app.ExportTownshipAsync();
        var runId = await app.ExportRunAsync(ExportKind.Enrollments, data.TownshipId, unmasked: false);
        await app.RunExportJobAsync(runId);
        var first = await app.ExportRunOfAsync(runId);

        await app.RunExportJobAsync(runId);

        var second = await app.ExportRunOfAsync(runId);
        Assert.Equal((first.StoredName, first.FinishedAt), (second.StoredName, second.FinishedAt));
        Assert.True(File.Exists(app.ExportPathOf(second.StoredName!)));
    }

    [Fact]
    public async Task Should_mark_the_run_failed_and_leave_no_file_when_writing_fails()
    {
        var folder = app.Services.GetRequiredService<ExportStorage>().Folder;
        var before = Directory.GetFiles(folder).ToHashSet();
        var data = await app.ExportTownshipAsync();
        // A kind no writer knows makes the job throw, as any fault while writing would.
        var runId = await app.ExportRunAsync((ExportKind)99, data.TownshipId, unmasked: false);

        await Assert.ThrowsAnyAsync<Exception>(() => app.RunExportJobAsync(runId));

        var run = await app.ExportRunOfAsync(runId);
        Assert.Equal(RunState.Failed, run.State);
        Assert.Null(run.StoredName);
        Assert.Contains("导出时发生错误", run.Message);
        Assert.DoesNotContain(Directory.GetFiles(folder), f => !before.Contains(f) && f.EndsWith(ExportStorage.PartSuffix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_delete_expired_files_and_orphans_and_mark_the_runs_expired()
    {
        var data = await app.ExportTownshipAsync();
        var runId = await app.ExportRunAsync(ExportKind.Enrollments, data.TownshipId, unmasked: false);
        await app.RunExportJobAsync(runId);
        var path = app.ExportPathOf((await app.ExportRunOfAsync(runId)).StoredName!);
        await app.WithDbAsync(db => db.ExportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        var oldOrphan = app.ExportPathOf(ExportStorage.NewStoredName()) + ExportStorage.PartSuffix;
        var newOrphan = app.ExportPathOf(ExportStorage.NewStoredName());
        await File.WriteAllTextAsync(oldOrphan, "half a file");
        await File.WriteAllTextAsync(newOrphan, "being recorded");
        File.SetLastWriteTimeUtc(oldOrphan, DateTime.UtcNow - ExpireExportsJob.OrphanAge - TimeSpan.FromMinutes(1));

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ExpireExportsJob>().RunAsync(CancellationToken.None);

        var run = await app.ExportRunOfAsync(runId);
        Assert.True(run.Expired);
        Assert.Null(run.StoredName);
        Assert.False(File.Exists(path));
        Assert.False(File.Exists(oldOrphan));
        Assert.True(File.Exists(newOrphan));
        File.Delete(newOrphan);
    }

    [Fact]
    public async Task Should_record_progress_on_the_run_while_the_rows_are_still_being_read()
    {
        var (cityId, expected) = await app.WithDbAsync(async db => (
            await db.OrgUnits.Where(u => u.Code == "440100").Select(u => u.Id).SingleAsync(),
            await db.Persons.CountAsync() + await db.Posts.CountAsync()));
        var runId = await app.ExportRunAsync(ExportKind.Roster, cityId, unmasked: false);

        // Every 2,000 rows the job updates its run through a second connection while the first is still reading.
        await app.RunExportJobAsync(runId);

        var run = await app.ExportRunOfAsync(runId);
        Assert.Equal((RunState.Succeeded, 100), (run.State, run.Percent));
        Assert.True(run.Rows > expected, $"{run.Rows} rows");
        var book = Xlsx.Read(await File.ReadAllBytesAsync(app.ExportPathOf(run.StoredName!)));
        Assert.Equal(run.Rows, book.Sheets.Sum(s => s.Rows.Count - 1));
    }

    [Fact]
    public async Task Should_stream_the_city_enrollment_list_reporting_progress_every_few_thousand_rows()
    {
        var (cityId, expected) = await app.WithDbAsync(async db => (
            await db.OrgUnits.Where(u => u.Code == "440100").Select(u => u.Id).SingleAsync(),
            await db.Enrollments.CountAsync(e => e.State != EnrollmentState.Draft)));
        var reports = new List<ExportProgress>();
        using var output = new MemoryStream();

        var rows = await app.WithDbAsync(db => EnrollmentListExport.WriteAsync(db, cityId, unmasked: false, output,
            (p, _) => { reports.Add(p); return Task.CompletedTask; }));

        Assert.Equal(expected, rows);
        Assert.True(expected > 2 * ExportProgress.Every, $"the demo data has {expected} enrollments");
        Assert.Equal(Enumerable.Range(0, expected / ExportProgress.Every + 1).Select(i => i * ExportProgress.Every), reports.Select(p => p.Rows));
        Assert.All(reports, p => Assert.Equal(expected, p.Total));
        Assert.Equal(reports.Select(p => p.Percent).Order(), reports.Select(p => p.Percent));
        Assert.Equal(expected + 1, Xlsx.Read(output.ToArray())["报名名单"].Rows.Count);
    }
}
