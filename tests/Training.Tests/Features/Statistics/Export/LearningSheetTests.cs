using Microsoft.EntityFrameworkCore;
using Training.Tests.Features.Learning.Reports;
using Training.Tests.Infrastructure;
using Training.Web.Features.Learning.Reports;

namespace Training.Tests.Features.Statistics.Export;

/// <summary>
/// 学时统计 in the statistics report (IMPORT-EXPORT.md): one row per child unit ordered by code, numbers in numeric
/// cells, 学时达标率 formatted 0.0%, the figures of the calendar year of the statistics date as of that date — equal to
/// a plain recount from the ledger.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LearningSheetTests(AppFixture appArg) : ExportTestBase(appArg)
{
    [Fact]
    public async Task Should_give_each_township_of_the_district_its_learning_figures_as_numbers()
    {
        var today = Today();
        var book = await ExportAsync("district-440111", "440111", today);
        var plain = await app.WithDbAsync(db => PlainLearningCount.EveryUnitAsync(db, today.Year, today));
        var townships = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Parent!.Code == "440111").OrderBy(u => u.Code).Select(u => new { u.Code, u.Name }).ToListAsync());

        var sheet = book["学时统计"];

        Assert.Equal(["代码", "名称", "应学人数", "人均学时", "人均必修学时", "达标人数", "学时达标率", "未开始学习人数"], sheet[1].Values.Cast<string>());
        Assert.Equal(townships.Select(t => t.Code), sheet.Rows.Skip(1).Select(r => r.Text(0)));
        Assert.Equal(townships.Select(t => t.Name), sheet.Rows.Skip(1).Select(r => r.Text(1)));
        foreach (var row in sheet.Rows.Skip(1))
        {
            var f = plain[row.Text(0)];
            Assert.Equal(f.Learners, row.Number(2));
            if (f.Learners == 0)
            {
                Assert.Null(row[3]);
                Assert.Null(row[6]);
                continue;
            }
            Assert.Equal((double)(f.TotalCenti / 100m / f.Learners), row.Number(3), 9);
            Assert.Equal((double)(f.RequiredCenti / 100m / f.Learners), row.Number(4), 9);
            Assert.Equal(f.Reached, row.Number(5));
            Assert.Equal((double)f.Reached / f.Learners, row.Number(6), 9);
            Assert.Equal("0.0%", row.Format(6));
            Assert.Equal(f.NotStarted, row.Number(7));
        }
        Assert.Contains(sheet.Rows.Skip(1), r => r.Number(3) > 0);
    }

    [Fact]
    public async Task Should_take_the_year_of_the_statistics_date()
    {
        var book = await ExportAsync("city", "440100", AsOf2019);
        var plain = await app.WithDbAsync(db => PlainLearningCount.EveryUnitAsync(db, 2019, AsOf2019));

        var rows = book["学时统计"].Rows.Skip(1).ToList();

        Assert.Equal(11, rows.Count);
        Assert.All(rows, r => Assert.Equal(plain[r.Text(0)].Learners, r.Number(2)));
        Assert.All(rows, r => Assert.Equal(plain[r.Text(0)].NotStarted, r.Number(7)));
        Assert.Equal(LearningFigures.Zero.TotalCenti, plain["440100"].TotalCenti);
    }
}
