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
public sealed class ExportTests(AppFixture appArg) : ExportTestBase(appArg)
{
    [Fact]
    public async Task Should_write_the_four_sheets_in_order_with_the_fixed_headers()
    {
        var book = await ExportAsync("city", "440100", AsOf2019);

        Assert.Equal(["汇总", "分区统计", "学时统计", "年度招生", "报名名单"], book.Sheets.Select(s => s.Name));
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

        Assert.Equal(["汇总", "分镇街统计", "学时统计", "年度招生", "报名名单"], book.Sheets.Select(s => s.Name));
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
}
