using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Exports;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>
/// A township of its own (导出测试镇 440115977 under 南沙区) with one village and two persons, so
/// that the export tests know every row the files must hold whatever other tests add elsewhere.
/// Built once per test run in the shared database.
/// </summary>
public sealed record ExportTownship(int TownshipId, int VillageId, string FormulaIdNumber, string PlainIdNumber)
{
    public const string TownshipCode = "440115977";
    public const string VillageCode = "440115977201";
    public const string FormulaName = "=HYPERLINK(\"http://x\")";
    public const string FormulaPhone = "13800138001";
    public static readonly DateOnly Graduated = new(2023, 1, 10);
}

public static class ExportTownships
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ExportTownship? _built;

    /// <summary>The township, built on first use.</summary>
    public static async Task<ExportTownship> ExportTownshipAsync(this AppFixture app)
    {
        await Gate.WaitAsync();
        try { return _built ??= await app.WithDbAsync(BuildAsync); }
        finally { Gate.Release(); }
    }

    private static async Task<ExportTownship> BuildAsync(Training.Core.Data.TrainingDbContext db)
    {
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var district = await db.OrgUnits.SingleAsync(u => u.Code == "440115");
        var township = OrgUnit.CreateChild(district, ExportTownship.TownshipCode, "导出测试镇");
        var village = OrgUnit.CreateChild(township, ExportTownship.VillageCode, "导出测试村委会", VillageKind.Village);
        db.OrgUnits.AddRange(township, village);
        await db.SaveChangesAsync();

        static string Id(string first17) => first17 + ResidentId.CheckCharacter(first17);
        var formula = Person.Register(Id("44011519800101123"), ExportTownship.FormulaName, ExportTownship.FormulaPhone, PoliticalStatus.PartyMember, Education.HighSchool, village, today, now);
        var plain = Person.Register(Id("44011519900202345"), "陈二", null, PoliticalStatus.Masses, Education.JuniorOrBelow, village, today, now);
        formula.AddPost(village, PostType.PartySecretary, new DateOnly(2015, 3, 1));
        plain.AddPost(village, PostType.CommitteeMember, new DateOnly(2016, 1, 1), new DateOnly(2020, 12, 31));
        db.Persons.AddRange(formula, plain);
        await db.SaveChangesAsync();

        var cohorts = await db.Cohorts.Where(c => c.Year == 2020 || c.Year == 2021).ToDictionaryAsync(c => c.Year);
        var program = await db.Programs.Include(p => p.School).OrderBy(p => p.Id).FirstAsync(p => p.Level == DegreeLevel.Associate);
        var split = new FeeSplit(6_500_00, 3_000_00, 2_000_00, 1_500_00);
        db.Enrollments.Add(Enrollment.Historical(formula, cohorts[2020], program, split, EnrollmentState.Graduated, ExportTownship.Graduated, null, now));
        db.Enrollments.Add(Enrollment.Historical(plain, cohorts[2021], program, split, EnrollmentState.Withdrawn, null, new DateOnly(2022, 3, 1), now));
        db.Reserves.Add(ReserveCandidate.HistoricalInPool(formula, ReserveTarget.Secretary, new DateOnly(2018, 5, 1)));
        await db.SaveChangesAsync();
        return new ExportTownship(township.Id, village.Id, formula.IdNumber, plain.IdNumber);
    }
}
