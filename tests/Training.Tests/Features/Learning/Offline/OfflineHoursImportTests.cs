using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Features.DataExchange.Import;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.Learning.Offline;

namespace Training.Tests.Features.Learning.Offline;

/// <summary>
/// The 线下学时 import (IMPORT-EXPORT.md "Offline study hours import", issue 14 must-have 3) on fresh
/// persons of the shared database: a record and a ledger entry per row, the key 身份证号 + 日期 +
/// 培训名称 making a second import change nothing, all or nothing with every bad row located.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OfflineHoursImportTests(AppFixture appArg) : OfflineTestBase(appArg)
{
    [Fact]
    public async Task Should_record_each_row_and_credit_the_ledger_with_the_records_id()
    {
        var (a, aId) = await CadreAsync();
        var (b, bId) = await CadreAsync();
        var (t1, t2) = (Title("党纪学习教育"), Title("乡村振兴现场教学"));

        var outcome = await ImportAsync(await SheetAsync(
            Row(aId, Past, 4, "必修", t1),
            Row(aId, Past.AddDays(1), "1.5", "选修", t2, "人和镇党委"),
            Row(bId, Past, 80.0, "必修", t1)));

        Assert.Empty(outcome.Errors);
        Assert.Equal([new SheetCounts("线下学时", 3, 0, 0)], outcome.Counts);
        Assert.Equal(new Stored(2, 2, 5.5m), await StoredAsync(a));
        Assert.Equal(new Stored(1, 1, 80m), await StoredAsync(b));
        var pairs = await app.WithDbAsync(db => db.OfflineStudy.Where(r => r.PersonId == a).OrderBy(r => r.On)
            .Select(r => new { Record = r, Entry = db.StudyLedger.Single(e => e.Source == StudySource.Offline && e.SourceId == r.Id) }).ToListAsync());
        Assert.Equal([(t1, "白云区委组织部", true, 4m), (t2, "人和镇党委", false, 1.5m)],
            pairs.Select(p => (p.Record.Title, p.Record.Organizer, p.Entry.Required, p.Entry.Hours)).ToList());
        Assert.All(pairs, p => Assert.Equal((p.Record.PersonId, p.Record.On, "测试导入"), (p.Entry.PersonId, p.Entry.On, p.Entry.RecordedBy)));
    }

    [Fact]
    public async Task Should_change_nothing_when_the_same_file_is_imported_again()
    {
        var (a, aId) = await CadreAsync();
        var file = await SheetAsync(Row(aId, Past, 4, "必修", Title()), Row(aId, Past, 2, "选修", Title()));
        Assert.True((await ImportAsync(file)).Succeeded);

        var again = await ImportAsync(file);

        Assert.Empty(again.Errors);
        Assert.Equal([new SheetCounts("线下学时", 0, 0, 2)], again.Counts);
        Assert.Equal(new Stored(2, 2, 6m), await StoredAsync(a));
    }

    [Fact]
    public async Task Should_count_a_row_already_recorded_unchanged_and_add_the_new_ones_beside_it()
    {
        var (a, aId) = await CadreAsync();
        var title = Title();
        Assert.True((await ImportAsync(await SheetAsync(Row(aId, Past, 4, "必修", title)))).Succeeded);

        // The key is the day and the name (spaces around it do not count): 学时 typed differently changes nothing.
        var outcome = await ImportAsync(await SheetAsync(Row(aId, Past, 8, "必修", "  " + title + " "), Row(aId, Past, 1, "选修", Title())));

        Assert.Equal([new SheetCounts("线下学时", 1, 0, 1)], outcome.Counts);
        Assert.Equal(new Stored(2, 2, 5m), await StoredAsync(a));
    }

    public static TheoryData<string, string, string> BadRows => new()
    {
        { "wrong check digit", "身份证号", "校验位错误" },
        { "out of the district's scope", "身份证号", "在白云区范围内找不到身份证号为" },
        { "no such person", "身份证号", "找不到身份证号为" },
        { "0.3 学时", "学时", "学时“0.3”不符合要求：应在 0.5 到 80 之间，且为 0.5 的整数倍" },
        { "1.25 学时", "学时", "学时“1.25”不符合要求" },
        { "81 学时", "学时", "学时“81”不符合要求" },
        { "学时 not a number", "学时", "“四”不是数字" },
        { "future date", "日期", "晚于今天" },
        { "no date", "日期", "不能为空" },
        { "duplicate key in the file", "培训名称", "与第2行重复" },
        { "unknown 类别", "类别", "“必选”不是可用的值，应为：必修、选修" },
        { "no 主办单位", "主办单位", "不能为空" },
        { "培训名称 too long", "培训名称", "不能超过 100 个字" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task Should_locate_a_bad_row_and_write_nothing(string kind, string column, string message)
    {
        var (good, goodId) = await CadreAsync();
        var (subject, id) = kind == "out of the district's scope" ? await CadreAsync(await OtherDistrictVillageAsync()) : await CadreAsync();
        var title = Title();
        object?[] bad = kind switch
        {
            "wrong check digit" => Row(id[..17] + (id[17] == '0' ? '1' : '0'), Past, 4, "必修", Title()),
            "out of the district's scope" => Row(id, Past, 4, "必修", Title()),
            "no such person" => Row(await UnknownIdNumberAsync(), Past, 4, "必修", Title()),
            "0.3 学时" => Row(id, Past, 0.3, "必修", Title()),
            "81 学时" => Row(id, Past, 81, "必修", Title()),
            "1.25 学时" => Row(id, Past, "1.25", "必修", Title()),
            "学时 not a number" => Row(id, Past, "四", "必修", Title()),
            "future date" => Row(id, TestPeople.Today.AddDays(2), 4, "必修", Title()),
            "no date" => [id, null, 4, "必修", Title(), "白云区委组织部"],
            "duplicate key in the file" => Row(goodId, Past, 2, "选修", title),
            "unknown 类别" => Row(id, Past, 4, "必选", Title()),
            "no 主办单位" => [id, Past, 4, "必修", Title(), null],
            "培训名称 too long" => Row(id, Past, 4, "必修", new string('训', 101)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        var outcome = await ImportAsync(await SheetAsync(Row(goodId, Past, 4, "必修", title), bad), Baiyun);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("线下学时", 3, column), (error.Sheet, error.Row, error.Column));
        Assert.Contains(message, error.Message);
        Assert.Empty(outcome.Counts);
        Assert.Equal(new Stored(0, 0, 0m), await StoredAsync(good));
        Assert.Equal(new Stored(0, 0, 0m), await StoredAsync(subject));
    }

    [Fact]
    public async Task Should_report_every_bad_row_in_sheet_order_with_the_command_line_wording_and_write_none()
    {
        var (a, aId) = await CadreAsync();

        var outcome = await ImportAsync(await SheetAsync(
            Row(aId, Past, 0.3, "必选", Title()),
            Row(aId, Past, 4, "必修", Title()),
            Row(aId, TestPeople.Today.AddDays(1), 4, "必修", Title())));

        Assert.Equal([(2, "学时"), (2, "类别"), (4, "日期")], outcome.Errors.Select(e => (e.Row, e.Column)).ToList());
        Assert.StartsWith("线下学时 第4行 日期：日期 ", outcome.Errors[2].ToString());
        Assert.Equal(new Stored(0, 0, 0m), await StoredAsync(a));
    }

    [Fact]
    public async Task Should_let_a_district_import_its_own_persons_and_the_city_everyones()
    {
        var (own, ownId) = await CadreAsync();
        var (other, otherId) = await CadreAsync(await OtherDistrictVillageAsync());

        var district = await ImportAsync(await SheetAsync(Row(ownId, Past, 4, "必修", Title())), Baiyun);
        var city = await ImportAsync(await SheetAsync(Row(otherId, Past, 4, "必修", Title())), City);

        Assert.True(district.Succeeded && city.Succeeded);
        Assert.Equal(new Stored(1, 1, 4m), await StoredAsync(own));
        Assert.Equal(new Stored(1, 1, 4m), await StoredAsync(other));
    }

    [Fact]
    public async Task Should_say_so_when_the_file_is_no_xlsx_has_no_hours_sheet_or_lacks_a_column()
    {
        var (a, aId) = await CadreAsync();

        var text = await ImportAsync("身份证号,日期\n"u8.ToArray());
        var otherSheet = await ImportAsync(await ImportFiles.BookAsync(("Sheet1", [[.. OfflineColumns.All], Row(aId, Past, 4, "必修", Title())])));
        var noOrganizer = await ImportAsync(await ImportFiles.BookAsync((OfflineColumns.Sheet, [[.. OfflineColumns.All.Take(5)], [aId, Past, 4, "必修", Title()]])));

        Assert.Contains("不是有效的 Excel 工作簿", Assert.Single(text.Errors).Message);
        Assert.Contains("没有“线下学时”工作表", Assert.Single(otherSheet.Errors).Message);
        var missing = Assert.Single(noOrganizer.Errors);
        Assert.Equal((1, "主办单位"), (missing.Row, missing.Column));
        Assert.Equal(new Stored(0, 0, 0m), await StoredAsync(a));
    }

    [Fact]
    public async Task Should_run_an_uploaded_file_through_the_import_job_keep_the_run_on_each_record_and_audit_it()
    {
        var (a, aId) = await CadreAsync();
        var file = await SheetAsync(Row(aId, Past, 4, "必修", Title()));
        var name = $"线下学时-{Guid.NewGuid():N}.xlsx";
        var runId = await app.WithDbAsync(async db =>
        {
            var unit = await db.OrgUnits.Where(u => u.Code == Baiyun).Select(u => u.Id).SingleAsync();
            var run = new ImportRun(ImportKind.OfflineHours, name, DemoAccounts.District, null, DateTime.UtcNow, unit);
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            db.ImportFiles.Add(new ImportFile(run.Id, file));
            await db.SaveChangesAsync();
            return run.Id;
        });

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ImportJob>().RunAsync(runId, CancellationToken.None);

        var run = await app.WithDbAsync(db => db.ImportRuns.SingleAsync(r => r.Id == runId));
        Assert.Equal(RunState.Succeeded, run.State);
        var record = await app.WithDbAsync(db => db.OfflineStudy.SingleAsync(r => r.PersonId == a));
        Assert.Equal((runId, $"线下学时导入（{DemoAccounts.District}）"), (record.ImportRunId, record.RecordedBy));
        var audit = await app.WithDbAsync(db => db.Audit.Where(e => e.Detail.StartsWith(name)).Select(e => new { e.UserName, e.Action, e.Detail }).SingleAsync());
        Assert.Equal((DemoAccounts.District, "线下学时导入"), (audit.UserName, audit.Action));
        Assert.Contains("导入成功，新增 1、更新 0、未变 0", audit.Detail);
    }

    private Task<string> UnknownIdNumberAsync() => app.WithDbAsync(db => TestPeople.FreeIdNumberAsync(db));
}
