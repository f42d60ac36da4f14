using Training.Core.Domain;

namespace Training.Web.Features.Demo;

/// <summary>Partner schools, their programs and fees, and the cohort years of the demo data.</summary>
internal static class DemoCatalog
{
    public const int FirstYear = 2012;
    /// <summary>The cohort open for applications on the seeding day; it has no enrollments yet.</summary>
    public const int OpenYear = 2026;
    /// <summary>The last cohort with (historical) enrollments.</summary>
    public const int LastEnrolledYear = 2025;
    public const int BachelorFrom = 2020;

    public static readonly string[] Schools = [DemoData.FirstSchoolName, "广东开放大学", "广州番禺职业技术学院", "华南农业大学"];

    public static readonly ProgramSpec[] Programs =
    [
        new(0, "农村经济管理", DegreeLevel.Associate, 3, 7, 1, 7_500, 1_500, FirstYear, 0.32),
        new(0, "社区管理与服务", DegreeLevel.Associate, 3, 7, 1, 7_500, 1_500, FirstYear, 0.14),
        new(1, "行政管理", DegreeLevel.Associate, 3, 7, 15, 6_000, 1_000, FirstYear, 0.30),
        new(2, "现代农业经济管理", DegreeLevel.Associate, 3, 6, 30, 7_200, 1_200, FirstYear, 0.24),
        new(1, "行政管理", DegreeLevel.Bachelor, 3, 7, 15, 8_800, 1_300, BachelorFrom, 0.55),
        new(3, "农林经济管理", DegreeLevel.Bachelor, 3, 6, 30, 9_900, 1_400, BachelorFrom, 0.45),
    ];

    public static DateOnly AdmissionDay(int year) => new(year, 9, 1);

    public static DateOnly GraduationDay(int program, int year)
    {
        var p = Programs[program];
        return new DateOnly(year + p.DurationYears, p.GraduationMonth, p.GraduationDay);
    }

    /// <summary>Tuition rose by 600 yuan from 2020; the subsidy took the rise, self-paid stays 1,500.</summary>
    public static FeeSplit Fee(int program, int year)
    {
        var p = Programs[program];
        var total = Money.FromYuan(p.TotalYuan + (year >= BachelorFrom ? 600 : 0));
        var waiver = Money.FromYuan(p.WaiverYuan);
        return new FeeSplit(total, total - waiver - FeeSplit.DefaultSelfPaidFen, waiver, FeeSplit.DefaultSelfPaidFen);
    }

    public static int PickProgram(Random r, DegreeLevel level)
    {
        var x = r.NextDouble();
        var last = -1;
        for (var i = 0; i < Programs.Length; i++)
        {
            if (Programs[i].Level != level) continue;
            last = i;
            x -= Programs[i].Weight;
            if (x < 0) return i;
        }
        return last;
    }
}

internal sealed record ProgramSpec(
    int School, string Name, DegreeLevel Level, int DurationYears, int GraduationMonth, int GraduationDay,
    int TotalYuan, int WaiverYuan, int FromYear, double Weight);
