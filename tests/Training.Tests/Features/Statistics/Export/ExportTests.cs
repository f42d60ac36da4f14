using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Features.Statistics;
using Training.Web.Features.Statistics.Export;

namespace Training.Tests.Features.Statistics.Export;

/// <summary>
/// The statistics report read back as a spreadsheet program reads it: sheets, headers, cell
/// types and formats, and values equal to what <see cref="StatisticsService"/> computes for
/// the same scope and date.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ExportTests(AppFixture app)
{
    private const string Page = "/Statistics/Export";
    private static readonly DateOnly AsOf2019 = new(2019, 12, 31);

    private static readonly string[] SummaryLabels =
    [
        "指标", "统计范围", "统计截止日期",
        "累计参加学历教育人数", "累计毕业人数", "在读人数", "村(社区)党组织书记人数", "书记大专以上学历人数", "书记大专以上学历占比",
        "两委干部人数", "两委干部大专以上学历人数", "两委干部大专以上学历占比", "村级后备人选人数", "书记后备人选人数", "后备比例",
        "学员自付合计(元)", "财政补助合计(元)", "学校减免合计(元)",
    ];

    [Fact]
    public async Task Should_write_the_four_sheets_in_order_with_the_fixed_headers()
    {
        var book = await ExportAsync("city", "440100", AsOf2019);

        Assert.Equal(["汇总", "分区统计", "年度招生", "报名名单"], book.Sheets.Select(s => s.Name));
        var summary = book["汇总"];
        Assert.Equal(18, summary.Rows.Count);
        Assert.Equal(SummaryLabels, summary.Rows.Select(r => r.Text(0)));
        Assert.Equal("数值", summary[1].Text(1));
        Assert.Equal(["代码", "名称", .. SummaryLabels[3..]], book["分区统计"][1].Values.Cast<string>());
        Assert.Equal(["年度", "招生人数", "毕业人数", "毕业率", "在读人数"], book["年度招生"][1].Values.Cast<string>());
        Assert.Equal(["身份证号", "姓名", "村社区代码", "层次", "年度", "院校", "专业", "状态", "学费总额", "财政补助", "学校减免", "个人自付"],
            book["报名名单"][1].Values.Cast<string>());
    }

    [Fact]
    public async Task Should_give_the_service_figures_in_numeric_cells_with_share_and_ratio_formats()
    {
        var expected = await StatsAsync(s => s.ComputeAsync("/440100/", AsOf2019));

        var summary = (await ExportAsync("city", "440100", AsOf2019))["汇总"];

        Assert.Equal("广州市（440100）", summary[2].Text(1));
        Assert.Equal(new DateTime(2019, 12, 31), Assert.IsType<DateTime>(summary[3][1]));
        AssertFigures(expected, summary.Rows.Skip(3).Select(r => (r[1], r.Format(1))).ToList());
        // The demo figures the department files (spec §8 and the demo data's constants).
        Assert.Equal(11_065, summary[4].Number(1));
        Assert.Equal(0.780, summary[9].Number(1), 3);
        Assert.Equal(0.670, summary[12].Number(1), 3);
    }

    [Fact]
    public async Task Should_list_every_district_of_the_city_by_code_with_the_service_figures()
    {
        var cityId = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "440100").Select(u => u.Id).SingleAsync());
        var expected = await StatsAsync(s => s.ComputeForChildrenAsync(cityId, AsOf2019));

        var sheet = (await ExportAsync("city", "440100", AsOf2019))["分区统计"];

        var rows = sheet.Rows.Skip(1).ToList();
        Assert.Equal(expected.OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => (u.Code, u.Name)), rows.Select(r => (r.Text(0), r.Text(1))));
        Assert.Equal(11, rows.Count);
        foreach (var (row, unit) in rows.Zip(expected.OrderBy(u => u.Code, StringComparer.Ordinal)))
            AssertFigures(unit.Figures, Enumerable.Range(2, 15).Select(i => (row[i], row.Format(i))).ToList());
    }

    [Fact]
    public async Task Should_give_a_district_its_townships_and_cohort_years()
    {
        var district = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "440111").Select(u => new { u.Id, u.Path }).SingleAsync());
        var townships = await StatsAsync(s => s.ComputeForChildrenAsync(district.Id, AsOf2019));
        var years = await StatsAsync(s => s.ComputeByCohortYearAsync(district.Path, AsOf2019));

        var book = await ExportAsync("district-440111", "440111", AsOf2019);

        Assert.Equal(["汇总", "分镇街统计", "年度招生", "报名名单"], book.Sheets.Select(s => s.Name));
        Assert.Contains("（440111）", book["汇总"][2].Text(1));
        var rows = book["分镇街统计"].Rows.Skip(1).ToList();
        Assert.Equal(townships.OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => u.Code), rows.Select(r => r.Text(0)));
        Assert.All(rows, r => Assert.StartsWith("440111", r.Text(0)));

        var yearRows = book["年度招生"].Rows.Skip(1).ToList();
        Assert.NotEmpty(yearRows);
        Assert.Equal(years.OrderBy(y => y.Year).Select(y => (double)y.Year), yearRows.Select(r => r.Number(0)));
        foreach (var (row, y) in yearRows.Zip(years.OrderBy(y => y.Year)))
        {
            Assert.Equal(y.Admitted, row.Number(1));
            Assert.Equal(y.Graduated, row.Number(2));
            AssertShare(y.GraduationRate, row[3], row.Format(3));
            Assert.Equal(y.InStudy, row.Number(4));
        }
    }

    [Fact]
    public async Task Should_leave_a_share_empty_when_its_denominator_is_zero()
    {
        var asOf = new DateOnly(1950, 1, 1);
        var expected = await StatsAsync(s => s.ComputeAsync("/440100/", asOf));
        Assert.Equal(0, expected.Secretaries);
        Assert.Equal(0, expected.TwoCommitteeCadres);

        var summary = (await ExportAsync("city", "440100", asOf))["汇总"];

        Assert.Null(summary[9][1]);
        Assert.Null(summary[12][1]);
        Assert.Equal(0d, summary[7].Number(1));
    }

    [Fact]
    public async Task Should_list_admitted_enrollments_with_full_id_numbers_state_and_split_and_neutralise_formula_like_text()
    {
        var formula = "=HYPERLINK(\"http://evil.example/\",\"点我\")";
        var made = await FreshVillageEnrollmentAsync(formula);

        var book = await ExportAsync("district-440111", "440111", Today());

        var row = Assert.Single(book["报名名单"].Rows.Skip(1), r => r[2] as string == made.VillageCode);
        Assert.Equal(made.IdNumber, row.Text(0));
        Assert.Equal("'" + formula, row.Text(1));
        Assert.Equal("大专", row.Text(3));
        Assert.Equal(2022d, row.Number(4));
        Assert.Equal("已录取", row.Text(7));
        Assert.Equal([7500d, 4500d, 1500d, 1500d], Enumerable.Range(8, 4).Select(row.Number));
        // The only formula a spreadsheet could run would be a formula cell: there is none anywhere.
        Assert.DoesNotContain(book.Sheets.SelectMany(s => s.Rows).SelectMany(r => r.Values).OfType<string>(), v => v.StartsWith('='));
    }

    [Fact]
    public async Task Should_not_list_an_enrollment_admitted_after_the_date()
    {
        var made = await FreshVillageEnrollmentAsync("陈未录");

        var book = await ExportAsync("city", "440100", new DateOnly(2022, 8, 31));

        Assert.DoesNotContain(book["报名名单"].Rows.Skip(1), r => r[2] as string == made.VillageCode);
    }

    [Theory]
    [InlineData("'=1+2", "=1+2")]
    [InlineData("'+86", "+86")]
    [InlineData("'-5", "-5")]
    [InlineData("'@SUM(A1)", "@SUM(A1)")]
    [InlineData("'\tx", "\tx")]
    [InlineData("'\rx", "\rx")]
    [InlineData("何嘉明", "何嘉明")]
    [InlineData("a=b", "a=b")]
    public void Should_prefix_text_that_a_spreadsheet_would_take_for_a_formula(string expected, string text) =>
        Assert.Equal(expected, StatisticsReport.SafeText(text));

    [Fact]
    public async Task Should_send_the_file_with_its_chinese_name_and_audit_the_export()
    {
        var client = await app.SignInAsync("city");
        var before = await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Action == "导出统计报表" && a.UserName == "city"));

        using var response = await client.PostFormAsync(Page, Page, Fields("440103", AsOf2019));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StatisticsReport.ContentType, response.Content.Headers.ContentType?.MediaType);
        var disposition = string.Join(",", response.Content.Headers.GetValues("Content-Disposition"));
        Assert.Equal("attachment; filename*=UTF-8''" + Uri.EscapeDataString("培训统计_440103_20191231.xlsx"), disposition);
        Assert.Equal("培训统计_440103_20191231.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("分镇街统计", Xlsx.Read(await response.Content.ReadAsByteArrayAsync()).Sheets[1].Name);

        var audit = await app.WithDbAsync(db => db.Audit.Where(a => a.Action == "导出统计报表" && a.UserName == "city")
            .OrderByDescending(a => a.Id).Select(a => new { a.Detail }).ToListAsync());
        Assert.Equal(before + 1, audit.Count);
        Assert.Contains("440103", audit[0].Detail);
        Assert.Contains("2019-12-31", audit[0].Detail);
        Assert.Contains("含完整身份证号", audit[0].Detail);
    }

    [Fact]
    public async Task Should_offer_the_city_and_every_district_to_city_admin_and_only_its_own_district_to_district_staff()
    {
        var city = await (await (await app.SignInAsync("city")).GetAsync(Page)).ReadHtmlAsync();
        var district = await (await (await app.SignInAsync("district-440111")).GetAsync(Page)).ReadHtmlAsync();

        var cityOptions = city.QuerySelectorAll("select[name=Scope] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal("440100", cityOptions[0]);
        Assert.Equal(12, cityOptions.Count);
        Assert.Equal(["440111"], district.QuerySelectorAll("select[name=Scope] option").Select(o => o.GetAttribute("value")));
        Assert.Equal(Today().ToString("yyyy-MM-dd"), city.QuerySelector("input[name=AsOf]")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("440103")]
    [InlineData("440100")]
    [InlineData("440111103")]
    public async Task Should_not_find_a_scope_outside_district_staffs_own_district(string code)
    {
        var client = await app.SignInAsync("district-440111");

        using var response = await client.PostFormAsync(Page, Page, Fields(code, AsOf2019));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("township-440111103")]
    [InlineData("village-440111103201")]
    [InlineData("trainee-demo")]
    [InlineData("school-1")]
    public async Task Should_refuse_the_export_to_other_roles(string account)
    {
        var client = await app.SignInAsync(account);
        // A valid token from a page this account may open (the sign-out form on the home page).
        var home = await (await client.GetAsync("/")).ReadHtmlAsync();
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.NotNull(token);

        using var response = await client.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string>(Fields("440111", AsOf2019))
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(StatisticsReport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found,
            $"expected refusal, got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Should_show_the_form_again_when_the_date_is_missing()
    {
        var client = await app.SignInAsync("city");

        using var response = await client.PostFormAsync(Page, Page, new Dictionary<string, string> { ["Scope"] = "440100", ["AsOf"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("请选择统计截止日期", await response.TextAsync());
    }

    [Fact]
    public async Task Should_tell_wechat_users_to_open_the_page_in_the_system_browser()
    {
        var client = await app.SignInAsync("city");
        using var wechat = new HttpRequestMessage(HttpMethod.Get, Page);
        wechat.Headers.TryAddWithoutValidation("User-Agent",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN");

        var inWeChat = await (await client.SendAsync(wechat)).ReadHtmlAsync();
        var elsewhere = await (await client.GetAsync(Page)).ReadHtmlAsync();

        Assert.Contains("在浏览器中打开", inWeChat.QuerySelector("[data-testid=wechat-hint]")?.TextContent);
        Assert.Null(elsewhere.QuerySelector("[data-testid=wechat-hint]"));
    }

    // ---------------------------------------------------------------- helpers

    private static Dictionary<string, string> Fields(string scope, DateOnly asOf) =>
        new() { ["Scope"] = scope, ["AsOf"] = asOf.ToString("yyyy-MM-dd") };

    private async Task<Xlsx> ExportAsync(string account, string scope, DateOnly asOf)
    {
        var client = await app.SignInAsync(account);
        using var response = await client.PostFormAsync(Page, Page, Fields(scope, asOf));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {Page} as {account} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return Xlsx.Read(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<T> StatsAsync<T>(Func<StatisticsService, Task<T>> f)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await f(scope.ServiceProvider.GetRequiredService<StatisticsService>());
    }

    private DateOnly Today() => Training.Web.Infrastructure.ChinaTime.Today(app.Services.GetRequiredService<TimeProvider>());

    /// <summary>The 15 figure cells (汇总 rows 4 to 18, or a breakdown row's columns C to Q) against the service's figures.</summary>
    private static void AssertFigures(Figures f, IReadOnlyList<(object? Value, string? Format)> cells)
    {
        Assert.Equal(15, cells.Count);
        double[] counts = [f.Participants, f.Graduates, f.InStudy, f.Secretaries, f.SecretariesAssociateOrAbove];
        for (var i = 0; i < 5; i++) Assert.Equal(counts[i], Assert.IsType<double>(cells[i].Value));
        AssertShare(f.SecretaryShare, cells[5].Value, cells[5].Format);
        Assert.Equal(f.TwoCommitteeCadres, Assert.IsType<double>(cells[6].Value));
        Assert.Equal(f.TwoCommitteeAssociateOrAbove, Assert.IsType<double>(cells[7].Value));
        AssertShare(f.TwoCommitteeShare, cells[8].Value, cells[8].Format);
        Assert.Equal(f.ReservesInPool, Assert.IsType<double>(cells[9].Value));
        Assert.Equal(f.SecretaryReserves, Assert.IsType<double>(cells[10].Value));
        if (f.ReserveRatio.Value is { } ratio)
        {
            Assert.Equal((double)ratio, Assert.IsType<double>(cells[11].Value), 9);
            Assert.Equal("0.00", cells[11].Format);
        }
        else Assert.Null(cells[11].Value);
        Assert.Equal(f.SelfPaidFen / 100d, Assert.IsType<double>(cells[12].Value), 2);
        Assert.Equal(f.SubsidyFen / 100d, Assert.IsType<double>(cells[13].Value), 2);
        Assert.Equal(f.WaiverFen / 100d, Assert.IsType<double>(cells[14].Value), 2);
    }

    private static void AssertShare(Share share, object? value, string? format)
    {
        if (share.Value is { } v)
        {
            Assert.Equal((double)v, Assert.IsType<double>(value), 9);
            Assert.Equal("0.0%", format);
        }
        else Assert.Null(value);
    }

    private sealed record Fresh(string VillageCode, string IdNumber);

    /// <summary>
    /// A new village of 人和镇 (440111103) with one person admitted in the 2022 cohort (admitted
    /// 2022-09-01): the rows of this village in 报名名单 are this test's alone.
    /// </summary>
    private Task<Fresh> FreshVillageEnrollmentAsync(string name) => app.WithDbAsync(async db =>
    {
        var township = await db.OrgUnits.SingleAsync(u => u.Code == "440111103");
        string code;
        do code = "440111103" + Random.Shared.Next(600, 1000).ToString("000");
        while (await db.OrgUnits.AnyAsync(u => u.Code == code));
        var village = OrgUnit.CreateChild(township, code, "导出测试村委会", VillageKind.Village);
        db.OrgUnits.Add(village);
        await db.SaveChangesAsync();

        var cohort = await db.Cohorts.SingleAsync(c => c.Year == 2022);
        var program = await db.Programs.Include(p => p.School).Where(p => p.Level == DegreeLevel.Associate).OrderBy(p => p.Id).FirstAsync();
        string id;
        do
        {
            var first17 = $"440111{new DateOnly(1975, 1, 1).AddDays(Random.Shared.Next(0, 9000)):yyyyMMdd}{Random.Shared.Next(0, 1000):000}";
            id = first17 + ResidentId.CheckCharacter(first17);
        } while (await db.Persons.AnyAsync(p => p.IdNumber == id));
        var now = DateTime.UtcNow;
        var person = Person.Register(id, name, null, PoliticalStatus.PartyMember, Education.HighSchool, village, DateOnly.FromDateTime(now), now);
        db.Persons.Add(person);
        db.Enrollments.Add(Enrollment.Historical(person, cohort, program, new FeeSplit(7_500_00, 4_500_00, 1_500_00, 1_500_00),
            EnrollmentState.Admitted, null, null, now));
        await db.SaveChangesAsync();
        return new Fresh(code, id);
    });
}
