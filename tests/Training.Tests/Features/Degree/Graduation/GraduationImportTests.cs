using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Features.Degree.Apply;
using Training.Tests.Features.Degree.Enrollments;
using Training.Tests.Infrastructure;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.Degree.Graduation;
using Training.Web.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Degree.Graduation;

/// <summary>
/// The graduation list import (IMPORT-EXPORT.md "Graduation list import", issue 6 point 5) on
/// fresh enrollments in the shared database: the registrar's own school only, all or nothing,
/// every bad row located, re-import changes nothing.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class GraduationImportTests(AppFixture app)
{
    private const string Actor = "school-1（导入测试）";
    private static readonly DateOnly GraduatedOn = new(2024, 7, 1);
    private static readonly DateOnly WithdrawnOn = new(2023, 5, 10);

    private sealed record Stored(EnrollmentState State, DateOnly? GraduatedOn, DateOnly? WithdrawnOn, string? Certificate, Education Education, int Transitions);

    private async Task<ImportOutcome> ImportAsync(Stream xlsx, int schoolId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GraduationImport>().RunAsync(xlsx, schoolId, Actor);
    }

    private Task<string> IdNumberAsync(AdmittedEnrollment e) =>
        app.WithDbAsync(db => db.Persons.Where(p => p.Id == e.PersonId).Select(p => p.IdNumber).SingleAsync());

    private Task<Stored> StoredAsync(int enrollmentId) =>
        app.WithDbAsync(db => db.Enrollments.Where(e => e.Id == enrollmentId)
            .Select(e => new Stored(e.State, e.GraduatedOn, e.WithdrawnOn, e.CertificateNumber, e.Person.Education, e.Transitions.Count()))
            .SingleAsync());

    private static object?[] Graduated(string id, string certificate, int year = TestEnrollments.Year, string level = "大专") =>
        [id, level, year, "已毕业", GraduatedOn, certificate];

    private static object?[] Withdrawn(string id, DateOnly? on = null) =>
        [id, "大专", TestEnrollments.Year, "已退学", on ?? WithdrawnOn, null];

    [Fact]
    public async Task Should_graduate_and_withdraw_the_schools_enrollments_raising_education_with_history()
    {
        var graduate = await app.AdmittedAsync(education: Education.HighSchool);
        var leaver = await app.AdmittedAsync(education: Education.HighSchool);
        var certificate = "GZ-" + Guid.NewGuid().ToString("N")[..8];

        var outcome = await ImportAsync(await GraduationList.WriteAsync(
            Graduated(await IdNumberAsync(graduate), certificate),
            Withdrawn(await IdNumberAsync(leaver))), graduate.SchoolId);

        Assert.Empty(outcome.Errors);
        Assert.Equal([new SheetCounts("毕业名单", 0, 2, 0)], outcome.Counts);
        Assert.Equal(new Stored(EnrollmentState.Graduated, GraduatedOn, null, certificate, Education.Associate, 1), await StoredAsync(graduate.EnrollmentId));
        Assert.Equal(new Stored(EnrollmentState.Withdrawn, null, WithdrawnOn, null, Education.HighSchool, 1), await StoredAsync(leaver.EnrollmentId));
        var history = await app.WithDbAsync(db => db.EducationRecords.Where(r => r.PersonId == graduate.PersonId)
            .OrderBy(r => r.Id).Select(r => new { r.Level, r.EffectiveOn, r.Source }).ToListAsync());
        Assert.Equal([(Education.HighSchool, (DateOnly?)null, EducationSource.Recorded), (Education.Associate, GraduatedOn, EducationSource.Graduation)],
            history.Select(h => (h.Level, h.EffectiveOn, h.Source)).ToList());
        var steps = await app.WithDbAsync(db => db.EnrollmentTransitions
            .Where(t => t.EnrollmentId == graduate.EnrollmentId || t.EnrollmentId == leaver.EnrollmentId)
            .OrderBy(t => t.EnrollmentId == leaver.EnrollmentId).Select(t => new { t.Action, t.Actor, t.On }).ToListAsync());
        Assert.Equal([(EnrollmentAction.Graduate, Actor, GraduatedOn), (EnrollmentAction.Withdraw, Actor, WithdrawnOn)],
            steps.Select(s => (s.Action, s.Actor, s.On)).ToList());
        var notices = await app.WithDbAsync(db => db.Notifications.Where(n => n.PersonId == graduate.PersonId || n.PersonId == leaver.PersonId).CountAsync());
        Assert.Equal(2, notices);
    }

    [Fact]
    public async Task Should_record_a_withdrawal_listed_without_a_date_as_of_today()
    {
        var leaver = await app.AdmittedAsync();

        var outcome = await ImportAsync(await GraduationList.WriteAsync(
            [await IdNumberAsync(leaver), "大专", TestEnrollments.Year, "已退学", null, null]), leaver.SchoolId);

        Assert.Equal([new SheetCounts("毕业名单", 0, 1, 0)], outcome.Counts);
        var stored = await StoredAsync(leaver.EnrollmentId);
        Assert.Equal(EnrollmentState.Withdrawn, stored.State);
        Assert.Equal(TimeProvider.System.Today(), stored.WithdrawnOn);
        var reason = await app.WithDbAsync(db => db.EnrollmentTransitions.Where(t => t.EnrollmentId == leaver.EnrollmentId).Select(t => t.Comment).SingleAsync());
        Assert.Equal(GraduationImport.WithdrawalReason, reason);
    }

    [Fact]
    public async Task Should_change_nothing_when_the_same_list_is_imported_again()
    {
        var graduate = await app.AdmittedAsync();
        var leaver = await app.AdmittedAsync();
        var certificate = "GZ-" + Guid.NewGuid().ToString("N")[..8];
        object?[][] rows = [Graduated(await IdNumberAsync(graduate), certificate), Withdrawn(await IdNumberAsync(leaver))];
        Assert.True((await ImportAsync(await GraduationList.WriteAsync(rows), graduate.SchoolId)).Succeeded);
        var before = (await StoredAsync(graduate.EnrollmentId), await StoredAsync(leaver.EnrollmentId));
        var records = await app.WithDbAsync(db => db.EducationRecords.CountAsync(r => r.PersonId == graduate.PersonId));

        var again = await ImportAsync(await GraduationList.WriteAsync(rows), graduate.SchoolId);
        // A withdrawal listed without its date is the same outcome too.
        var undated = await ImportAsync(await GraduationList.WriteAsync(
            [await IdNumberAsync(leaver), "大专", TestEnrollments.Year, "已退学", null, null]), graduate.SchoolId);

        Assert.Empty(again.Errors);
        Assert.Equal([new SheetCounts("毕业名单", 0, 0, 2)], again.Counts);
        Assert.Equal([new SheetCounts("毕业名单", 0, 0, 1)], undated.Counts);
        Assert.Equal(before, (await StoredAsync(graduate.EnrollmentId), await StoredAsync(leaver.EnrollmentId)));
        Assert.Equal(records, await app.WithDbAsync(db => db.EducationRecords.CountAsync(r => r.PersonId == graduate.PersonId)));
    }

    [Fact]
    public async Task Should_refuse_another_schools_enrollment_as_an_error_row_and_write_nothing()
    {
        var own = await app.AdmittedAsync();
        var other = await app.AdmittedAsync(atFirstSchool: false);

        var outcome = await ImportAsync(await GraduationList.WriteAsync(
            Graduated(await IdNumberAsync(own), "GZ-OWN-1"),
            Graduated(await IdNumberAsync(other), "GZ-OTHER-1")), own.SchoolId);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("毕业名单", 3, "身份证号"), (error.Sheet, error.Row, error.Column));
        Assert.Contains("不属于本校", error.Message);
        Assert.Empty(outcome.Counts);
        Assert.Equal(EnrollmentState.Admitted, (await StoredAsync(own.EnrollmentId)).State);
        Assert.Equal(EnrollmentState.Admitted, (await StoredAsync(other.EnrollmentId)).State);
        // The other school's registrar may.
        Assert.True((await ImportAsync(await GraduationList.WriteAsync(Graduated(await IdNumberAsync(other), "GZ-OTHER-1")), other.SchoolId)).Succeeded);
        Assert.Equal(EnrollmentState.Graduated, (await StoredAsync(other.EnrollmentId)).State);
    }

    public static TheoryData<string, string, string> BadRows => new()
    {
        { "wrong check character", "身份证号", "校验位错误" },
        { "unknown level", "层次", "“硕士”不是可用的值，应为：大专、本科" },
        { "unknown state", "状态", "“在读”不是可用的值，应为：已毕业、已退学" },
        { "no year", "年度", "不能为空" },
        { "bad date", "毕业日期", "“2024-02-30”不是日期" },
        { "future date", "毕业日期", "晚于今天" },
        { "graduated before admission", "毕业日期", "毕业日期 2022-07-01 早于入学日期 2022-09-01" },
        { "graduated without a date", "毕业日期", "已毕业的记录必须填写毕业日期" },
        { "graduated without a certificate", "证书编号", "已毕业的记录必须填写毕业证书编号" },
        { "duplicate key", "身份证号", "与第2行重复" },
        { "another school", "身份证号", "不属于本校" },
        { "no such enrollment", "身份证号", "找不到该身份证号2022年大专的学籍" },
        { "other level", "身份证号", "找不到该身份证号2022年本科的学籍" },
        { "already graduated, listed as withdrawn", "状态", "该学籍已登记为“已毕业”，不能再登记为“已退学”" },
        { "already graduated with another certificate", "证书编号", "已登记的证书编号为“GZ-FIRST”" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task Should_locate_a_bad_row_and_write_nothing(string kind, string column, string message)
    {
        var good = await app.AdmittedAsync();
        var subject = await app.AdmittedAsync(atFirstSchool: kind != "another school");
        var goodId = await IdNumberAsync(good);
        var id = await IdNumberAsync(subject);
        if (kind.StartsWith("already graduated", StringComparison.Ordinal))
            Assert.True((await ImportAsync(await GraduationList.WriteAsync(Graduated(id, "GZ-FIRST")), good.SchoolId)).Succeeded);
        var before = await StoredAsync(subject.EnrollmentId);
        object?[] bad = kind switch
        {
            "wrong check character" => Graduated(id[..17] + (id[17] == '0' ? '1' : '0'), "GZ-1"),
            "unknown level" => [id, "硕士", TestEnrollments.Year, "已毕业", GraduatedOn, "GZ-1"],
            "unknown state" => [id, "大专", TestEnrollments.Year, "在读", GraduatedOn, "GZ-1"],
            "no year" => [id, "大专", null, "已毕业", GraduatedOn, "GZ-1"],
            "bad date" => [id, "大专", TestEnrollments.Year, "已毕业", "2024-02-30", "GZ-1"],
            "future date" => [id, "大专", TestEnrollments.Year, "已毕业", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2), "GZ-1"],
            "graduated before admission" => [id, "大专", TestEnrollments.Year, "已毕业", new DateOnly(2022, 7, 1), "GZ-1"],
            "graduated without a date" => [id, "大专", TestEnrollments.Year, "已毕业", null, "GZ-1"],
            "graduated without a certificate" => [id, "大专", TestEnrollments.Year, "已毕业", GraduatedOn, null],
            "duplicate key" => Graduated(goodId, "GZ-DUP"),
            "another school" => Graduated(id, "GZ-1"),
            "no such enrollment" => Graduated(await UnknownIdNumberAsync(), "GZ-1"),
            "other level" => Graduated(id, "GZ-1", level: "本科"),
            "already graduated, listed as withdrawn" => Withdrawn(id),
            "already graduated with another certificate" => Graduated(id, "GZ-SECOND"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        var outcome = await ImportAsync(await GraduationList.WriteAsync(Graduated(goodId, "GZ-GOOD"), bad), good.SchoolId);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("毕业名单", 3, column), (error.Sheet, error.Row, error.Column));
        Assert.Contains(message, error.Message);
        Assert.Empty(outcome.Counts);
        Assert.Equal(EnrollmentState.Admitted, (await StoredAsync(good.EnrollmentId)).State);
        Assert.Equal(before, await StoredAsync(subject.EnrollmentId));
    }

    [Fact]
    public async Task Should_refuse_an_application_of_the_school_that_was_never_admitted()
    {
        var trainee = await app.TraineeAsync();
        var cohort = await app.OpenCohortAsync();
        var draft = await app.DraftAsync(trainee, cohort.AssociateFeeId);
        var (schoolId, year) = await app.WithDbAsync(db => db.Enrollments.Where(e => e.Id == draft)
            .Select(e => new ValueTuple<int, int>(e.Program.SchoolId, e.Year)).SingleAsync());

        var outcome = await ImportAsync(await GraduationList.WriteAsync(Graduated(trainee.IdNumber, "GZ-1", year)), schoolId);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal((2, "状态"), (error.Row, error.Column));
        Assert.Equal($"该学员{year}年大专的报名状态为“草稿”，未录取，不能登记毕业", error.Message);
        Assert.Equal(EnrollmentState.Draft, (await StoredAsync(draft)).State);
    }

    [Fact]
    public async Task Should_report_every_bad_row_in_sheet_order_with_the_command_line_wording()
    {
        var good = await app.AdmittedAsync();
        var id = await IdNumberAsync(good);

        var outcome = await ImportAsync(await GraduationList.WriteAsync(
            [id[..17] + (id[17] == '0' ? '1' : '0'), "专科", TestEnrollments.Year, "已毕业", GraduatedOn, "GZ-1"],
            Graduated(id, "GZ-2"),
            [id, "大专", TestEnrollments.Year + 1, "毕业", "七月", null]), good.SchoolId);

        Assert.Equal([(2, "身份证号"), (2, "层次"), (4, "状态"), (4, "毕业日期")], outcome.Errors.Select(e => (e.Row, e.Column)).ToList());
        Assert.StartsWith("毕业名单 第4行 毕业日期：“七月”不是日期", outcome.Errors[3].ToString());
        Assert.Equal(EnrollmentState.Admitted, (await StoredAsync(good.EnrollmentId)).State);
    }

    [Fact]
    public async Task Should_say_so_when_the_file_is_no_xlsx_or_has_no_graduation_sheet_or_lacks_a_column()
    {
        var good = await app.AdmittedAsync();

        var text = await ImportAsync(new MemoryStream("身份证号,层次\n"u8.ToArray()), good.SchoolId);
        var otherSheet = await ImportAsync(await GraduationList.WriteAsync("Sheet1", GraduationImport.Columns), good.SchoolId);
        var noCertificateColumn = await ImportAsync(await GraduationList.WriteAsync(GraduationImport.Sheet, GraduationImport.Columns.Take(5).ToList(),
            [await IdNumberAsync(good), "大专", TestEnrollments.Year, "已退学", WithdrawnOn]), good.SchoolId);

        Assert.Contains("不是有效的 Excel 工作簿", Assert.Single(text.Errors).Message);
        Assert.Contains("没有“毕业名单”工作表", Assert.Single(otherSheet.Errors).Message);
        var missing = Assert.Single(noCertificateColumn.Errors);
        Assert.Equal((1, "证书编号"), (missing.Row, missing.Column));
        Assert.Equal(EnrollmentState.Admitted, (await StoredAsync(good.EnrollmentId)).State);
    }

    private Task<string> UnknownIdNumberAsync() => app.WithDbAsync(async db =>
    {
        while (true)
        {
            var first17 = $"440111{new DateOnly(1975, 1, 1).AddDays(Random.Shared.Next(0, 9_000)):yyyyMMdd}{Random.Shared.Next(0, 1000):000}";
            var id = first17 + ResidentId.CheckCharacter(first17);
            if (!await db.Persons.AnyAsync(p => p.IdNumber == id)) return id;
        }
    });
}
