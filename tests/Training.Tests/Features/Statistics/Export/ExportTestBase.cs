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
public abstract class ExportTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    protected const string Page = "/Statistics/Export";
    protected static readonly DateOnly AsOf2019 = new(2019, 12, 31);

    protected static readonly string[] SummaryLabels =
    [
        "指标", "统计范围", "统计截止日期",
        "累计参加学历教育人数", "累计毕业人数", "在读人数", "村(社区)党组织书记人数", "书记大专以上学历人数", "书记大专以上学历占比",
        "两委干部人数", "两委干部大专以上学历人数", "两委干部大专以上学历占比", "村级后备人选人数", "书记后备人选人数", "后备比例",
        "学员自付合计(元)", "财政补助合计(元)", "学校减免合计(元)",
    ];

    // ---------------------------------------------------------------- helpers

    protected static Dictionary<string, string> Fields(string scope, DateOnly asOf) =>
        new() { ["Scope"] = scope, ["AsOf"] = asOf.ToString("yyyy-MM-dd") };

    protected async Task<Xlsx> ExportAsync(string account, string scope, DateOnly asOf)
    {
        var client = await app.SignInAsync(account);
        using var response = await client.PostFormAsync(Page, Page, Fields(scope, asOf));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {Page} as {account} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return Xlsx.Read(await response.Content.ReadAsByteArrayAsync());
    }

    protected async Task<T> StatsAsync<T>(Func<StatisticsService, Task<T>> f)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await f(scope.ServiceProvider.GetRequiredService<StatisticsService>());
    }

    protected DateOnly Today() => Training.Web.Infrastructure.ChinaTime.Today(app.Services.GetRequiredService<TimeProvider>());

    /// <summary>The 15 figure cells (汇总 rows 4 to 18, or a breakdown row's columns C to Q) against the service's figures.</summary>
    protected static void AssertFigures(Figures f, IReadOnlyList<(object? Value, string? Format)> cells)
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

    protected static void AssertShare(Share share, object? value, string? format)
    {
        if (share.Value is { } v)
        {
            Assert.Equal((double)v, Assert.IsType<double>(value), 9);
            Assert.Equal("0.0%", format);
        }
        else Assert.Null(value);
    }

    protected sealed record Fresh(string VillageCode, string IdNumber);

    /// <summary>
    /// A new village of 人和镇 (440111103) with one person admitted in the 2022 cohort (admitted
    /// 2022-09-01): the rows of this village in 报名名单 are this test's alone.
    /// </summary>
    protected Task<Fresh> FreshVillageEnrollmentAsync(string name) => app.WithDbAsync(async db =>
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
